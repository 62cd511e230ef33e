// sitrep web UI: timeline, map, stories with comparisons, articles with highlighted evidence,
// search. Plain JavaScript, no dependencies, served by `sitrep serve`; talks to /api.
//
// Every piece of text from the database (article text, titles, outlets, actor names) is put
// into the page with textContent / text nodes, never parsed as HTML, so a report containing
// markup shows that markup as text.
"use strict";

(() => {
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
    "ASSAULT"];
  const MODALITIES = ["asserted", "claimed", "denied", "planned", "hypothetical", "negated"];
  // One colour per PLOVER type, grouped like the quad classes: verbal cooperation (greens),
  // material cooperation (blues), verbal conflict (ambers), material conflict (reds).
  const COLORS = {
    AGREE: "#2e7d32", CONSULT: "#43a047", SUPPORT: "#66bb6a", CONCEDE: "#9ccc65",
    COOPERATE: "#1565c0", AID: "#42a5f5", RETREAT: "#80deea",
    REQUEST: "#f9a825", ACCUSE: "#ef6c00", REJECT: "#ffb300", THREATEN: "#d84315",
    PROTEST: "#ad1457", SANCTION: "#6a1b9a", MOBILIZE: "#8e24aa", COERCE: "#c62828",
    ASSAULT: "#b71c1c",
  };
  const FILTER_KEYS = ["type", "actor", "recipient", "outlet", "since", "until", "modality", "background"];
  // The background filter: events told as news, as background (earlier acts recalled), or both.
  const TOLD_AS = [["", "news and background"], ["false", "news only"], ["true", "background only"]];
  const PAGE = 100;
  const view = document.getElementById("view");

  // -- building the page safely ------------------------------------------------------------

  function safeHref(value) {
    const text = String(value);
    if (text.startsWith("#") || (text.startsWith("/") && !text.startsWith("//"))) return text;
    try {
      const url = new URL(text);
      if (url.protocol === "http:" || url.protocol === "https:") return url.href;
    } catch (_) { /* not a URL */ }
    return "#";
  }

  function append(parent, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return parent;
  }

  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") el.className = value;
      else if (key === "href") el.setAttribute("href", safeHref(value));
      else if (key === "dataset") Object.assign(el.dataset, value);
      else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, String(value));
    }
    return append(el, children);
  }

  function s(tag, attrs, ...children) {
    const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) el.setAttribute(key, String(value));
    }
    return append(el, children);
  }

  function typeChip(type) {
    return h("span", { class: `chip t-${type}` }, type);
  }

  function who(part) {
    if (!part) return null;
    const code = [part.code, part.sector].filter(Boolean).join("/");
    return h("span", { class: "who" }, code ? h("b", {}, code + " ") : null, part.text);
  }

  // location.precision: how closely a place's coordinates locate it (README, "The event record")
  const PRECISION_MEANS = {
    point: "the spot itself (a base, a firing range, a site)",
    city: "somewhere in this town or city",
    division: "somewhere in this province, state or county",
    region: "somewhere in this area (a sea, island, peninsula or region)",
    country: "somewhere in this country: the point is its centre",
  };

  function precisionNote(value) {
    return value ? [", ", h("span", { class: "precision", title: PRECISION_MEANS[value] || null },
      `precision: ${value}`)] : null;
  }

  function placeName(location) {
    return `${location.name || location.text}${location.country ? " (" + location.country + ")" : ""}`;
  }

  // A date at the precision the record has it: a day, a month, a year; a week or a decade
  // ("last week", "the 1990s") as the span it names; else "~" and the publication date.
  function when(record) {
    if (record.event_date) {
      const cut = { month: 7, year: 4 }[record.date_precision] || 10;
      return record.event_date.slice(0, cut);
    }
    const range = record.date_range;
    if (range) {
      const days = (Date.parse(range.end) - Date.parse(range.start)) / 86400000;
      if (days === 6) return `week of ${range.start}`;
      if (range.start.endsWith("0-01-01") && range.end.endsWith("9-12-31")) return `${range.start.slice(0, 4)}s`;
      return `${range.start} – ${range.end}`;
    }
    return record.published ? `~${record.published}` : "undated";
  }

  const APPROXIMATE = "the text gives no date for the event itself; the article's publication date stands in for it";

  // Why a date reads as it does: shown on hover and on the event page.
  function dateNote(record) {
    const said = record.date_text ? `“${record.date_text}”` : null;
    const notes = [];
    if (record.event_date) notes.push(`${said ? said + ": " : ""}${record.date_precision || "day"} precision`);
    else if (record.date_range) notes.push(`${said || "a span"}: ${record.date_range.start} to ${record.date_range.end}, no single day`);
    else if (record.published) notes.push(`approximate: no date of its own${said ? ` (${said} could not be placed)` : ""}; publication date shown`);
    if (record.date_inferred) notes.push("inferred from the sentences before");
    return notes.join("; ") || null;
  }

  // -- talking to the API ------------------------------------------------------------------

  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) if (v !== null && v !== undefined && v !== "") url.searchParams.append(key, v);
    }
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      let detail = `${response.status} ${response.statusText}`;
      try { detail = JSON.stringify((await response.json()).detail); } catch (_) { /* keep */ }
      const error = new Error(detail);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  let outlines = null;
  async function countryOutlines() {
    if (!outlines) outlines = api("/api/outlines");
    return outlines;
  }

  // -- routing: #/view/argument?query ------------------------------------------------------

  function route() {
    const hash = window.location.hash.replace(/^#\/?/, "") || "timeline";
    const [path, query] = hash.split("?");
    const [name, ...rest] = path.split("/");
    return { name, arg: rest.map(decodeURIComponent).join("/"), params: new URLSearchParams(query || "") };
  }

  function go(name, params, arg) {
    const query = params && params.toString();
    const target = `#/${name}${arg ? "/" + encodeURIComponent(arg) : ""}${query ? "?" + query : ""}`;
    if (window.location.hash !== target) window.location.hash = target;
    else render();
  }

  function filtersFrom(params) {
    const filters = {};
    for (const key of FILTER_KEYS) {
      const values = params.getAll(key).filter(Boolean);
      if (values.length) filters[key] = key === "type" || key === "modality" ? values : values[0];
    }
    return filters;
  }

  async function render() {
    const { name, arg, params } = route();
    document.querySelectorAll("nav a[data-view]").forEach((a) => {
      a.classList.toggle("active", a.dataset.view === name || (name === "story" && a.dataset.view === "stories")
        || (name === "article" && a.dataset.view === "articles") || (name === "events" && a.dataset.view === "timeline"));
    });
    const views = { timeline, map: mapView, stories, story, article, articles, search, events: eventPage };
    const show = views[name] || timeline;
    view.replaceChildren(h("p", { class: "loading" }, "Loading…"));
    document.body.dataset.view = name;
    delete document.body.dataset.ready; // set again when this view has rendered (tests wait for it)
    try {
      await show(arg, params);
    } catch (error) {
      view.replaceChildren(h("div", { class: "error" }, h("h2", {}, "Could not load this page"),
        h("p", {}, String(error.message || error))));
    }
    document.body.dataset.ready = name;
  }

  // -- shared filter bar -------------------------------------------------------------------

  function filterBar(viewName, params, outlets) {
    const filters = filtersFrom(params);
    const chosen = new Set(filters.type || []);
    const form = h("form", { class: "filters", id: "filters" });
    const chips = h("div", { class: "type-chips", role: "group", "aria-label": "Event types" },
      TYPES.map((type) => h("label", { class: `type-toggle t-${type}${chosen.has(type) ? " on" : ""}` },
        h("input", { type: "checkbox", name: "type", value: type, checked: chosen.has(type) }), type)));
    const outletList = h("datalist", { id: "outlet-list" }, outlets.map((o) => h("option", { value: o })));
    const field = (label, input) => h("label", { class: "field" }, h("span", {}, label), input);
    const modality = h("select", { name: "modality" }, h("option", { value: "" }, "any"),
      MODALITIES.map((m) => h("option", { value: m, selected: (filters.modality || []).includes(m) }, m)));
    const toldAs = h("select", { name: "background" },
      TOLD_AS.map(([value, text]) => h("option", { value, selected: (filters.background || "") === value }, text)));
    append(form, [
      chips,
      h("div", { class: "row" },
        field("Actor", h("input", { name: "actor", value: filters.actor || "", placeholder: "code or name", maxlength: 200 })),
        field("Recipient", h("input", { name: "recipient", value: filters.recipient || "", placeholder: "code or name", maxlength: 200 })),
        field("Outlet", h("input", { name: "outlet", value: filters.outlet || "", list: "outlet-list", maxlength: 200 })),
        field("From", h("input", { type: "date", name: "since", value: filters.since || "" })),
        field("To", h("input", { type: "date", name: "until", value: filters.until || "" })),
        field("Modality", modality),
        field("Told as", toldAs),
        h("button", { type: "submit" }, "Apply"),
        h("button", { type: "button", class: "secondary", onclick: () => go(viewName, new URLSearchParams()) }, "Clear")),
      outletList,
    ]);
    form.addEventListener("change", (event) => {
      if (event.target.name === "type") event.target.parentElement.classList.toggle("on", event.target.checked);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const next = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (value) next.append(key, value);
      go(viewName, next);
    });
    return form;
  }

  async function knownOutlets() {
    const stats = await api("/api/stats");
    return Object.keys(stats.outlets || {});
  }

  // -- timeline ----------------------------------------------------------------------------

  const ORDERS = [["-date", "newest first"], ["date", "oldest first"]];

  function eventRow(record) {
    const place = record.location && (record.location.name || record.location.text);
    const approximate = !record.event_date && !record.date_range;
    return h("li", { class: "event-row", dataset: { type: record.event_type, id: record.id } },
      h("span", { class: ["date", record.date_inferred ? "inferred" : "", approximate ? "approximate" : ""].filter(Boolean).join(" "),
        title: dateNote(record) }, when(record)),
      typeChip(record.event_type),
      h("span", { class: "parties" }, who(record.actor) || h("i", {}, "unknown actor"),
        record.recipient ? [" → ", who(record.recipient)] : null),
      h("a", { class: "trigger", href: `#/events/${encodeURIComponent(record.id)}`, title: "this event's page" },
        "“", (record.trigger || {}).text || "", "”"),
      record.modality !== "asserted" ? h("span", { class: `modality m-${record.modality}` }, record.modality) : null,
      record.background ? h("span", { class: "background-badge" }, "background") : null,
      record.attributed_to ? h("span", { class: "source" }, "says ", record.attributed_to.text) : null,
      place ? h("span", { class: "place" }, "@ ", place) : null,
      h("a", { class: "outlet", href: `#/article/${encodeURIComponent(record.article_id)}?event=${encodeURIComponent(record.id)}` },
        record.outlet || "article", " ›"));
  }

  // Stacked bars of every filtered event by type per time bucket (the server counts them);
  // a click on a bar narrows the timeline to its dates.
  function histogramChart(counts, params) {
    if (!counts.buckets.length) return null;
    const width = 1000, height = 110, pad = 20, base = height - 22;
    const slot = (width - 2 * pad) / counts.buckets.length;
    const most = Math.max(...counts.buckets.map((b) => b.n), 1);
    const unit = (base - 8) / most;
    const bars = counts.buckets.map((bucket, i) => {
      let top = base;
      const pieces = Object.entries(bucket.counts).map(([type, n]) => {
        top -= n * unit;
        return s("rect", { x: pad + i * slot + 0.5, y: top, width: Math.max(slot - 1, 1), height: n * unit, fill: COLORS[type] });
      });
      const label = `${bucket.start === bucket.end ? bucket.start : bucket.start + " – " + bucket.end}: ${bucket.n} event${bucket.n === 1 ? "" : "s"}`;
      const bar = s("g", { class: "bar", "data-n": bucket.n, "data-start": bucket.start, tabindex: bucket.n ? 0 : null },
        s("title", {}, label + Object.entries(bucket.counts).map(([t, n]) => `\n${t} ${n}`).join("")),
        s("rect", { x: pad + i * slot, y: 0, width: slot, height: base, class: "hit" }), pieces);
      const narrow = () => {
        const next = new URLSearchParams(params);
        next.set("since", bucket.start);
        next.set("until", bucket.end);
        go("timeline", next);
      };
      if (bucket.n) {
        bar.addEventListener("click", narrow);
        bar.addEventListener("keydown", (event) => { if (event.key === "Enter") narrow(); });
      }
      return bar;
    });
    const first = counts.buckets[0], last = counts.buckets[counts.buckets.length - 1];
    const labels = [[pad, "start", first.start], [width - pad, "end", last.end]].map(([x, anchor, text]) =>
      s("text", { x, y: height - 6, "text-anchor": anchor, class: "axis" }, text));
    return s("svg", { viewBox: `0 0 ${width} ${height}`, class: "strip", id: "histogram", role: "img",
      "aria-label": `All ${counts.total} matching events by ${counts.bucket} and type` },
    s("line", { x1: pad, x2: width - pad, y1: base, y2: base, class: "axis-line" }), bars, labels,
    s("text", { x: width / 2, y: height - 6, "text-anchor": "middle", class: "axis" },
      `one bar a ${counts.bucket}${counts.undated ? `; ${counts.undated} undated not shown` : ""}`));
  }

  function orderControl(sort) {
    return h("label", { class: "field" }, h("span", {}, "Order"),
      h("select", { name: "sort", id: "timeline-order" },
        ORDERS.map(([value, text]) => h("option", { value, selected: value === sort }, text))));
  }

  async function timeline(_arg, params) {
    const filters = filtersFrom(params);
    const sort = ORDERS.some(([value]) => value === params.get("sort")) ? params.get("sort") : "-date";
    const [outlets, first, counts] = await Promise.all([knownOutlets(),
      api("/api/events", { ...filters, sort, limit: PAGE, total: "true" }),
      api("/api/events/histogram", filters)]);
    const records = [...first.items];
    const list = h("ol", { class: "events", id: "event-list" });
    const summary = h("p", { class: "summary", id: "timeline-summary" });
    const more = h("button", { class: "more", type: "button" }, "Load more");
    let next = first.next_after;  // keyset paging: as fast deep in the list as at its top

    function draw(newRecords) {
      let lastDate = list.lastElementChild ? list.lastElementChild.dataset.date : null;
      for (const record of newRecords) {
        const date = when(record);
        if (date !== lastDate) list.append(h("li", { class: "day", dataset: { date } }, date));
        lastDate = date;
        list.append(eventRow(record));
      }
      summary.textContent = `${first.total} event${first.total === 1 ? "" : "s"}` +
        (records.length < first.total ? `, showing ${records.length}` : "");
      more.hidden = next === null;
    }
    more.addEventListener("click", async () => {
      const page = await api("/api/events", { ...filters, sort, limit: PAGE, after: next });
      next = page.next_after;
      records.push(...page.items);
      draw(page.items);
    });
    const bar = filterBar("timeline", params, outlets);
    const order = orderControl(sort);
    bar.querySelector(".row").prepend(order);  // in the form: applying filters keeps the order
    order.addEventListener("change", () => bar.requestSubmit());
    view.replaceChildren(h("section", { class: "timeline" },
      h("h1", {}, "Timeline"), bar, summary,
      h("div", { class: "strip-holder" }, histogramChart(counts, params) || ""),
      h("p", { class: "legend", id: "date-legend" },
        h("span", { class: "date approximate" }, "~2017-05-03"), ": ", APPROXIMATE, ". ",
        h("span", { class: "date inferred" }, "Italic"), ": date inferred from the sentences before. ",
        h("span", { class: "date" }, "week of 2017-05-01"), ": the text names a week, not a day. Hover a date for its wording."),
      records.length ? list : h("p", { class: "empty" }, "No events match these filters."), more,
      exportLinks(filters)));
    draw(first.items);
  }

  function exportLinks(filters) {
    const link = (format, label) => {
      const url = new URL("/api/export/events", window.location.origin);
      for (const [key, value] of Object.entries(filters)) {
        for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, v);
      }
      url.searchParams.set("format", format);
      return h("a", { href: url.pathname + url.search, download: "" }, label);
    };
    return h("p", { class: "exports" }, "Export these events: ", link("jsonl", "JSON Lines"), " · ",
      link("csv", "CSV"), " · ", link("parquet", "Parquet"), " · ", link("plover", "PLOVER JSON"));
  }

  // -- map ---------------------------------------------------------------------------------

  const SCALE = 4; // SVG units per degree (equirectangular)
  const px = (lon) => (lon + 180) * SCALE;
  const py = (lat) => (90 - lat) * SCALE;

  function countryPaths(geojson) {
    return geojson.features.map((feature) => {
      const d = feature.geometry.coordinates.map((polygon) => polygon.map((ring) =>
        "M" + ring.map(([lon, lat]) => `${px(lon).toFixed(1)},${py(lat).toFixed(1)}`).join("L") + "Z").join("")).join("");
      return s("path", { d, class: "country" }, s("title", {}, feature.properties.name));
    });
  }

  function fitBox(points) {
    if (!points.length) return [0, 0, 360 * SCALE, 180 * SCALE];
    let west = Math.min(...points.map((p) => p.lon)) - 8, east = Math.max(...points.map((p) => p.lon)) + 8;
    let south = Math.min(...points.map((p) => p.lat)) - 6, north = Math.max(...points.map((p) => p.lat)) + 6;
    let width = Math.max(east - west, 40), height = Math.max(north - south, 20);
    if (width / height > 2) height = width / 2; else width = height * 2;
    const cx = (west + east) / 2, cy = (south + north) / 2;
    west = cx - width / 2; north = cy + height / 2;
    return [px(west), py(north), width * SCALE, height * SCALE];
  }

  async function mapView(_arg, params) {
    const filters = filtersFrom(params);
    const [outlets, world, found] = await Promise.all([knownOutlets(), countryOutlines(),
      api("/api/map", filters)]);
    const points = found.points;
    const maxN = Math.max(1, ...points.map((p) => p.n));
    const details = h("div", { class: "place-details", id: "place-details" },
      h("p", { class: "hint" }, "Select a marker to see the events that happened there."));
    const markers = points.map((point) => {
      const top = Object.entries(point.types).sort((a, b) => b[1] - a[1])[0][0];
      const r = 2.5 + 9 * Math.sqrt(point.n / maxN);
      const marker = s("circle", { cx: px(point.lon), cy: py(point.lat), r, fill: COLORS[top], class: "marker",
        tabindex: 0, "data-name": point.name },
      s("title", {}, `${point.name}: ${point.n} event${point.n === 1 ? "" : "s"}`));
      const choose = () => showPlace(details, point);
      marker.addEventListener("click", choose);
      marker.addEventListener("keydown", (event) => { if (event.key === "Enter") choose(); });
      return marker;
    });
    const box = fitBox(points);
    const svgMap = s("svg", { viewBox: box.join(" "), class: "map", id: "map", role: "img",
      "aria-label": `Map of ${points.length} event locations` },
    s("rect", { x: -1000, y: -1000, width: 4000, height: 3000, class: "sea" }),
    countryPaths(world), markers);
    const zoom = (factor) => {
      const [x, y, w, hgt] = svgMap.getAttribute("viewBox").split(" ").map(Number);
      const cx = x + w / 2, cy = y + hgt / 2;
      svgMap.setAttribute("viewBox", [cx - (w * factor) / 2, cy - (hgt * factor) / 2, w * factor, hgt * factor].join(" "));
    };
    view.replaceChildren(h("section", { class: "mapview" },
      h("h1", {}, "Map"), filterBar("map", params, outlets),
      h("p", { class: "summary" }, `${points.length} place${points.length === 1 ? "" : "s"} with events`,
        found.truncated ? " (from the first 5,000 events; narrow the filters to see all)" : ""),
      h("div", { class: "map-tools" },
        h("button", { type: "button", onclick: () => zoom(0.6) }, "Zoom in"),
        h("button", { type: "button", onclick: () => zoom(1 / 0.6) }, "Zoom out"),
        h("button", { type: "button", onclick: () => svgMap.setAttribute("viewBox", box.join(" ")) }, "Fit"),
        h("button", { type: "button", onclick: () => svgMap.setAttribute("viewBox", `0 0 ${360 * SCALE} ${180 * SCALE}`) }, "World")),
      h("div", { class: "map-layout" }, h("div", { class: "map-frame" }, svgMap), details),
      h("p", { class: "credit" }, "Country outlines: Natural Earth (public domain).")));
  }

  function showPlace(details, point) {
    details.replaceChildren(h("h2", {}, placeName(point)),
      h("p", {}, `${point.n} event${point.n === 1 ? "" : "s"}, ${point.lat.toFixed(2)}, ${point.lon.toFixed(2)}`,
        precisionNote(point.precision)),
      h("p", {}, Object.entries(point.types).map(([type, n]) => [typeChip(type), ` ${n} `])),
      h("ul", { class: "place-events" }, point.events.map((e) => h("li", {},
        h("a", { href: `#/article/${encodeURIComponent(e.article_id)}?event=${encodeURIComponent(e.id)}` },
          `${e.date || ""} ${e.event_type}: ${e.trigger || ""}`), e.outlet ? h("span", { class: "muted" }, ` (${e.outlet})`) : null))));
  }

  // -- stories and their comparison --------------------------------------------------------

  async function stories(_arg, params) {
    const offset = Number(params.get("offset") || 0);
    const least = Math.max(1, Math.floor(Number(params.get("min") || 2)) || 2);
    const found = await api("/api/stories", { limit: 50, offset, min_articles: least });
    const items = found.items.map((story) => h("li", { class: "story-row" },
      h("a", { href: `#/story/${encodeURIComponent(story.id)}` }, story.title || "(untitled story)"),
      h("span", { class: "muted" }, ` ${[story.start, story.end].filter(Boolean).join(" – ")}`),
      h("span", { class: "outlets" }, ` ${story.article_ids.length} article${story.article_ids.length === 1 ? "" : "s"}: `,
        (story.outlets || []).join(", "))));
    const form = h("form", { class: "filters", id: "story-filters" },
      h("label", { class: "field" }, h("span", {}, "At least"),
        h("input", { type: "number", name: "min", min: 1, max: 1000, value: least, id: "min-articles" }), " articles"),
      h("button", { type: "submit" }, "Apply"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      go("stories", new URLSearchParams({ min: form.elements.min.value || "1" }));
    });
    view.replaceChildren(h("section", {}, h("h1", {}, "Stories"),
      h("p", { class: "hint" }, "Articles about the same news. Open one to compare how each outlet reports it."), form,
      items.length ? h("ol", { class: "stories" }, items)
        : h("p", { class: "empty" }, least > 1 && !offset ? [`No story has ${least} or more articles. `,
          h("a", { href: "#/stories?min=1" }, "Show single-article stories")] : "No stories yet: run `sitrep link`."),
      found.next_offset !== null ? h("a", { href: `#/stories?min=${least}&offset=${found.next_offset}` }, "More stories ›") : null));
  }

  // Which outlet published when: a row per outlet, a column per publication day, each
  // article a link in its cell.
  function storyCoverage(storyArticles) {
    const outlets = [...new Set(storyArticles.map((a) => a.outlet || "(no outlet)"))].sort();
    const days = [...new Set(storyArticles.map((a) => a.published || "undated"))].sort();
    const cell = (outlet, day) => storyArticles.filter((a) => (a.outlet || "(no outlet)") === outlet && (a.published || "undated") === day);
    return h("div", { class: "table-scroll" }, h("table", { class: "coverage", id: "coverage" },
      h("thead", {}, h("tr", {}, h("th", {}, "Outlet"), days.map((d) => h("th", {}, d)))),
      h("tbody", {}, outlets.map((outlet) => h("tr", {}, h("th", { scope: "row" }, outlet),
        days.map((day) => h("td", {}, cell(outlet, day).map((a) =>
          h("a", { href: `#/article/${encodeURIComponent(a.id)}`, title: a.title || a.id, class: "published" }, "●")))))))));
  }

  function cellView(cell) {
    const mention = cell.mentions[0];
    return h("td", { class: `cell ${cell.status}` },
      h("span", { class: "status" }, cell.status),
      mention ? h("q", {}, mention.sentence) : null,
      mention && mention.source ? h("span", { class: "muted" }, ` — ${mention.source}`) : null,
      cell.differences.length ? h("ul", { class: "differences" }, cell.differences.map((d) =>
        h("li", {}, `${d.field}: `, h("b", {}, d.value), ` (vs ${d.reference})`))) : null);
  }

  async function story(storyId) {
    const found = await api(`/api/stories/${encodeURIComponent(storyId)}`);
    const comparison = found.comparison;
    const info = found.story;
    const articles = comparison ? comparison.articles : [];
    const head = h("tr", {}, h("th", {}, "Event or claim"), articles.map((a) =>
      h("th", {}, h("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.label))));
    const rows = comparison ? comparison.rows.map((row) => h("tr", { class: "coverage-row" },
      h("th", { scope: "row" }, row.event_type ? typeChip(row.event_type) : h("span", { class: "chip claim" }, "claim"), " ", row.label),
      row.cells.map(cellView))) : [];
    const contradictions = comparison ? comparison.contradictions.map((c) => h("div", { class: "contradiction" },
      h("h3", {}, `${c.rule}: `, c.summary),
      h("div", { class: "sides" }, [c.left, c.right].map((side) => h("blockquote", {},
        h("p", {}, side.sentence), h("footer", {}, label(articles)(side.article_id), side.source ? ` — ${side.source}` : "",
          side.detail ? [": ", h("b", {}, side.detail)] : null)))))) : [];
    const omissions = comparison ? comparison.omissions.map((o) => h("li", {},
      h("b", {}, o.label), ` — reported by ${o.reported_by.map(label(articles)).join(", ")}; `,
      `missing from ${o.missing_from.map(label(articles)).join(", ")}`)) : [];
    const attribution = comparison ? comparison.attribution.map((p) => h("div", { class: "attribution" },
      h("h3", {}, label(articles)(p.article_id)),
      h("p", {}, `${p.statements} statements: ${p.own} own voice, ${p.attributed} attributed, ${p.quoted} quoted`),
      h("p", { class: "muted" }, "Sources: ", p.sources.slice(0, 6).map((src) => `${src.name} (${src.statements})`).join(", ") || "none"))) : [];
    view.replaceChildren(h("section", { class: "storyview" },
      h("h1", {}, info.title || "Story"),
      h("p", { class: "muted" }, [info.start, info.end].filter(Boolean).join(" – "), ` · ${info.article_ids.length} articles`),
      h("h2", {}, "Coverage by outlet over time"), storyCoverage(found.articles || []),
      comparison ? [
        h("h2", {}, "Coverage, side by side"),
        h("div", { class: "table-scroll" }, h("table", { class: "comparison", id: "comparison" }, h("thead", {}, head), h("tbody", {}, rows))),
        h("h2", {}, `Contradictions (${contradictions.length})`),
        contradictions.length ? contradictions : h("p", { class: "empty" }, "None found."),
        h("h2", {}, `Omissions (${omissions.length})`),
        omissions.length ? h("ul", { class: "omissions" }, omissions) : h("p", { class: "empty" }, "None found."),
        h("h2", {}, "Who is quoted"), h("div", { class: "attributions" }, attribution),
      ] : h("p", { class: "empty" }, "This story has a single article: nothing to compare.")));
  }

  function label(articles) {
    return (id) => (articles.find((a) => a.id === id) || { label: id }).label;
  }

  // -- one article with its evidence -------------------------------------------------------

  function eventDetails(record) {
    const rows = [
      ["Type", [typeChip(record.event_type), record.mode ? ` / ${record.mode}` : "", record.context ? ` (${record.context})` : ""]],
      ["CAMEO", record.cameo],
      ["Actor", who(record.actor) || "—"],
      ["Recipient", who(record.recipient) || "—"],
      ["Date", record.event_date ? `${record.event_date} (${record.date_precision})`
        : record.date_range ? `${when(record)} (${record.date_range.start} to ${record.date_range.end})`
          : record.published ? `none of its own; published ${record.published}` : "—",
      record.date_text ? ` “${record.date_text}”` : "", record.date_inferred ? ", inferred from the sentences before" : ""],
      ["Told as", record.background ? "background (an earlier act recalled)" : "news"],
      ["Place", record.location ? [placeName(record.location), precisionNote(record.location.precision)] : "—"],
      ["Modality", record.modality],
      ["Source", record.attributed_to ? record.attributed_to.text : "the article's own voice"],
      ["Quote", record.quote ? "inside a direct quotation" : "no"],
      ["Trigger", (record.trigger || {}).text],
      ["Evidence", `characters ${record.evidence.start}–${record.evidence.end}`],
    ];
    return h("dl", { class: "fields", id: "event-fields" }, rows.map(([name, ...value]) => [h("dt", {}, name), h("dd", {}, value)]));
  }

  // One mention: its sentence from the article, the evidence marked and the trigger in bold.
  function mentionView(text, mention) {
    const evidence = mention.evidence;
    const from = evidence ? text.lastIndexOf(mention.sentence, evidence.start) : -1;
    if (!evidence || from < 0 || from + mention.sentence.length < evidence.end) {
      return h("blockquote", { class: "mention" }, mention.headline ? h("span", { class: "muted" }, "Headline: ") : null,
        mention.sentence);
    }
    const trigger = mention.trigger || { start: evidence.start, end: evidence.start };
    const cuts = [from, evidence.start, trigger.start, trigger.end, evidence.end, from + mention.sentence.length]
      .map((n) => Math.min(Math.max(n, from), from + mention.sentence.length));
    cuts.sort((a, b) => a - b);
    const quote = h("blockquote", { class: "mention" });
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      if (a === b) continue;
      const piece = text.slice(a, b);
      const inEvidence = a >= evidence.start && b <= evidence.end;
      const inTrigger = a >= trigger.start && b <= trigger.end;
      quote.append(inEvidence ? h("mark", { class: "ev" }, inTrigger ? h("b", {}, piece) : piece) : document.createTextNode(piece));
    }
    return quote;
  }

  async function eventPage(eventId) {
    const record = await api(`/api/events/${encodeURIComponent(eventId)}`);
    const source = await api(`/api/articles/${encodeURIComponent(record.article_id)}`);
    const mentions = record.mentions && record.mentions.length ? record.mentions
      : [{ sentence: record.sentence, evidence: record.evidence, trigger: record.trigger }];
    const meta = [source.outlet, source.published].filter(Boolean).join(" · ");
    view.replaceChildren(h("section", { class: "eventview" },
      h("h1", { id: "event-title" }, typeChip(record.event_type), " ", who(record.actor) || h("i", {}, "unknown actor"),
        record.recipient ? [" → ", who(record.recipient)] : null, " “", (record.trigger || {}).text || "", "”"),
      h("p", { class: "muted", id: "event-article" }, "From ",
        h("a", { href: `#/article/${encodeURIComponent(record.article_id)}?event=${encodeURIComponent(record.id)}` },
          source.title || "(untitled)"), meta ? ` (${meta})` : "",
        source.url ? [" · ", h("a", { href: source.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null),
      eventDetails(record),
      h("p", { class: "hint" }, dateNote(record)),
      h("h2", {}, `${mentions.length} mention${mentions.length === 1 ? "" : "s"} in the article`),
      h("div", { class: "mentions", id: "event-mentions" }, mentions.map((m) => mentionView(source.text, m)))));
  }

  async function article(articleId, params) {
    const found = await api(`/api/articles/${encodeURIComponent(articleId)}`);
    const byId = new Map(found.events.map((e) => [e.id, e]));
    const text = h("div", { class: "article-text", id: "article-text" });
    for (const segment of found.segments) {
      const piece = found.text.slice(segment.start, segment.end);
      if (!segment.events.length && !segment.roles.length) {
        text.append(document.createTextNode(piece));
        continue;
      }
      const first = byId.get(segment.events[0]);
      const classes = ["ev", ...segment.roles.map((r) => `role-${r}`)];
      if (first) classes.push(`t-${first.event_type}`);
      if (segment.events.length > 1) classes.push("overlap");
      text.append(h("mark", { class: classes.join(" "), dataset: { events: segment.events.join(" ") },
        title: segment.events.map((id) => (byId.get(id) || {}).event_type).join(", ") }, piece));
    }
    const panel = h("aside", { class: "event-panel" });
    const list = h("ol", { class: "article-events" });
    const detail = h("div", { class: "event-detail" }, h("p", { class: "hint" }, "Select an event or a highlighted passage."));

    function select(eventId, scroll) {
      const record = byId.get(eventId);
      if (!record) return;
      text.querySelectorAll("mark.selected").forEach((m) => m.classList.remove("selected"));
      const marks = [...text.querySelectorAll("mark")].filter((m) => m.dataset.events.split(" ").includes(eventId));
      marks.forEach((m) => m.classList.add("selected"));
      list.querySelectorAll("li").forEach((li) => li.classList.toggle("selected", li.dataset.id === eventId));
      detail.replaceChildren(h("h3", {}, record.event_type, ": ", (record.trigger || {}).text || ""),
        h("p", { class: "sentence" }, record.sentence), eventDetails(record));
      if (scroll && marks[0]) marks[0].scrollIntoView({ block: "center" });
    }
    text.addEventListener("click", (event) => {
      const mark = event.target.closest("mark");
      if (mark && mark.dataset.events) select(mark.dataset.events.split(" ")[0], false);
    });
    for (const record of found.events) {
      list.append(h("li", { dataset: { id: record.id }, onclick: () => select(record.id, true) },
        typeChip(record.event_type), " ", who(record.actor) || "?", record.recipient ? [" → ", who(record.recipient)] : null,
        h("span", { class: "muted" }, ` “${(record.trigger || {}).text || ""}” ${when(record)}`)));
    }
    append(panel, [h("h2", {}, `${found.events.length} event${found.events.length === 1 ? "" : "s"}`), detail, list]);
    const meta = [found.outlet, found.published, found.author ? `by ${found.author}` : null, found.dateline].filter(Boolean).join(" · ");
    view.replaceChildren(h("section", { class: "articleview" },
      h("h1", { id: "article-title" }, found.title || "(untitled)"),
      h("p", { class: "muted" }, meta, found.url ? [" · ", h("a", { href: found.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null),
      h("div", { class: "article-layout" }, text, panel),
      found.places.length ? h("p", { class: "muted places" }, "Places mentioned: ",
        [...new Set(found.places.map((p) => p.name))].join(", ")) : null));
    const wanted = params.get("event");
    if (wanted && byId.has(wanted)) select(wanted, true);
  }

  async function articles(_arg, params) {
    const offset = Number(params.get("offset") || 0);
    const found = await api("/api/articles", { limit: 50, offset });
    view.replaceChildren(h("section", {}, h("h1", {}, "Articles"),
      h("p", { class: "summary" }, `${found.total} article${found.total === 1 ? "" : "s"}`),
      h("table", { class: "listing" }, h("thead", {}, h("tr", {}, ["Published", "Outlet", "Title", "Events"].map((c) => h("th", {}, c)))),
        h("tbody", {}, found.items.map((a) => h("tr", {},
          h("td", {}, a.published || ""), h("td", {}, a.outlet || ""),
          h("td", {}, h("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || `(untitled ${a.id})`)),
          h("td", { class: "num" }, String(a.n_events)))))),
      found.next_offset !== null ? h("a", { href: `#/articles?offset=${found.next_offset}` }, "More articles ›") : null));
  }

  // -- search ------------------------------------------------------------------------------

  function snippet(textWithMarks) {
    // matches arrive between \u0002 and \u0003; everything else is plain text
    const out = h("p", { class: "snippet" });
    textWithMarks.split("\u0002").forEach((part, i) => {
      if (i === 0) { out.append(document.createTextNode(part)); return; }
      const [hit, rest] = part.split("\u0003");
      out.append(h("mark", {}, hit), document.createTextNode(rest || ""));
    });
    return out;
  }

  async function search(_arg, params) {
    const q = params.get("q") || "";
    document.getElementById("search-input").value = q;
    const found = q ? await api("/api/search", { q, limit: 50 }) : { total: 0, items: [] };
    view.replaceChildren(h("section", { class: "searchview" }, h("h1", {}, "Search"),
      h("p", { class: "summary", id: "search-summary" }, q ? `${found.total} article${found.total === 1 ? "" : "s"} match “${q}”` : "Type words to search the articles."),
      h("p", { class: "hint" }, "Words must all occur (“missiles” also finds “missile”); use \"quotes\" for a phrase, OR between alternatives, -word to exclude."),
      h("ol", { class: "results" }, found.items.map((item) => h("li", { class: "result" },
        h("a", { href: `#/article/${encodeURIComponent(item.id)}` }, item.title || `(untitled ${item.id})`),
        h("span", { class: "muted" }, ` ${[item.outlet, item.published].filter(Boolean).join(" · ")} · ${item.n_events} events`),
        snippet(item.snippet || ""))))));
  }

  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const q = document.getElementById("search-input").value.trim();
    go("search", new URLSearchParams(q ? { q } : {}));
  });

  async function counts() {
    try {
      const stats = await api("/api/stats");
      document.getElementById("counts").textContent = `${stats.articles} articles · ${stats.events} events`;
    } catch (_) { /* the page itself will say what is wrong */ }
  }

  window.addEventListener("hashchange", render);
  counts();
  render();
})();

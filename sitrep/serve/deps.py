"""What an endpoint asks FastAPI for: the store and the settings of the app serving it.

Apart from the app (`app.py`) so that the routers, which `app.py` mounts, need not import it
back.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from sitrep.serve.settings import Settings
from sitrep.store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

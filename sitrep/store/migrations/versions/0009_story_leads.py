"""Each linked article's title-and-lead term vector, which story similarity now mixes with
its whole-text vector: a nullable `lead_terms` column on `link_articles`.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

Articles linked before have no lead vector (null) and are compared by their whole-text
terms alone; `sitrep link --rebuild` computes the leads of all of them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("link_articles", sa.Column("lead_terms", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("link_articles") as batch:
        batch.drop_column("lead_terms")

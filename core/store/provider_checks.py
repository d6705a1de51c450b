"""Provider checks in the store: each run of the doctor, per profile, newest first."""

from __future__ import annotations

from core.model.codec import dumps, loads_object
from core.model.provider_check import DoctorReport, report_from_dict, report_to_dict
from core.store.db import StoreBase, lastrowid

HISTORY_KEPT = 50
"""Runs kept per profile: enough to see when something changed, bounded so a scripted loop cannot grow
the database without end."""


class ProviderCheckMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    def save_provider_check(self, report: DoctorReport) -> int:
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO provider_checks (profile_name, model, started_at, worst, report_json)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    report.profile_name,
                    report.model,
                    report.started_at,
                    report.worst.value,
                    dumps(report_to_dict(report)),
                ),
            )
            self._db.execute(
                "DELETE FROM provider_checks WHERE profile_name = ? AND id NOT IN"
                " (SELECT id FROM provider_checks WHERE profile_name = ? ORDER BY started_at DESC, id DESC"
                " LIMIT ?)",
                (report.profile_name, report.profile_name, HISTORY_KEPT),
            )
            return lastrowid(cursor)

    def provider_checks(self, profile_name: str, limit: int = HISTORY_KEPT) -> list[DoctorReport]:
        """The profile's checks, newest first."""
        rows = self._db.execute(
            "SELECT report_json FROM provider_checks WHERE profile_name = ?"
            " ORDER BY started_at DESC, id DESC LIMIT ?",
            (profile_name, limit),
        ).fetchall()
        return [report_from_dict(loads_object(row[0])) for row in rows]

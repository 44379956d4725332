"""Alerts: one open row per (source, rule) while that rule stays broken, and their deliveries.

`raise_alert` opens an alert or, when one is open for the same source and rule, only updates
it (last seen, run, message, occurrences): a source that stays broken has one alert, which is
told to the channels once. `resolve_alerts` closes the open ones of rules a run found healthy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from regintel.contracts import RegintelError, make_id
from warehouse.schema import reader, writer

SEVERITIES = ("warning", "critical")
_COLUMNS = ("alert_id, source_id, rule, severity, run_id, message, first_seen, last_seen, occurrences, "
            "resolved_at, acked_at")


@dataclass(frozen=True, slots=True)
class Alert:
    alert_id: str
    source_id: str
    rule: str
    severity: str
    run_id: str | None
    message: str
    first_seen: datetime
    last_seen: datetime
    occurrences: int
    resolved_at: datetime | None
    acked_at: datetime | None

    @property
    def open(self) -> bool:
        return self.resolved_at is None


@dataclass(frozen=True, slots=True)
class Delivery:
    alert_id: str
    event: str  # opened, resolved, test
    channel: str
    attempts: int
    ok: bool
    error: str | None
    at: datetime


def _now() -> datetime:
    return datetime.now(UTC)


def raise_alert(db: Path, source_id: str, rule: str, severity: str, run_id: str | None, message: str,
                *, now: datetime | None = None) -> tuple[Alert, bool]:
    """Record a breach; returns the alert and whether it is new (only a new one is delivered)."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}; allowed: {', '.join(SEVERITIES)}")
    now = now or _now()
    with writer(db) as con:
        row = con.execute("""SELECT alert_id FROM alerts
                             WHERE source_id = ? AND rule = ? AND resolved_at IS NULL""",
                          [source_id, rule]).fetchone()
        if row is None:
            alert_id = make_id(source_id, rule, now.isoformat())
            con.execute("INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, NULL, NULL)",
                        [alert_id, source_id, rule, severity, run_id, message, now, now])
        else:
            alert_id = row[0]
            con.execute("""UPDATE alerts SET last_seen = ?, run_id = coalesce(?, run_id), message = ?,
                           severity = ?, occurrences = occurrences + 1 WHERE alert_id = ?""",
                        [now, run_id, message, severity, alert_id])
        found = con.execute(f"SELECT {_COLUMNS} FROM alerts WHERE alert_id = ?", [alert_id]).fetchone()
        alert = _alert(found)
    return alert, row is None


def resolve_alerts(db: Path, source_id: str, rules: list[str], *, now: datetime | None = None) -> list[Alert]:
    """Resolve the open alerts of these rules of a source (they were found healthy); returns them."""
    if not rules:
        return []
    with writer(db) as con:
        rows = con.execute(f"""UPDATE alerts SET resolved_at = ?
                               WHERE source_id = ? AND resolved_at IS NULL AND list_contains(?, rule)
                               RETURNING {_COLUMNS}""", [now or _now(), source_id, list(rules)]).fetchall()
    return [_alert(r) for r in rows]


def alerts(
    db: Path, *, open_only: bool = False, source_id: str | None = None, limit: int = 100
) -> list[Alert]:
    """Alerts, newest activity first; only the open ones with `open_only`."""
    with reader(db) as con:
        rows = con.execute(f"""SELECT {_COLUMNS} FROM alerts
                               WHERE (NOT ? OR resolved_at IS NULL) AND (?::VARCHAR IS NULL OR source_id = ?)
                               ORDER BY last_seen DESC, alert_id LIMIT ?""",
                           [open_only, source_id, source_id, limit]).fetchall()
    return [_alert(r) for r in rows]


def ack_alert(db: Path, alert_id: str, *, now: datetime | None = None) -> Alert:
    """Mark an alert acknowledged (it stays open until a healthy run resolves it)."""
    with writer(db) as con:
        row = con.execute(f"""UPDATE alerts SET acked_at = coalesce(acked_at, ?) WHERE alert_id = ?
                              RETURNING {_COLUMNS}""", [now or _now(), alert_id]).fetchone()
    if row is None:
        raise RegintelError(f"unknown alert {alert_id!r}; see `regintel alerts list --all`")
    return _alert(row)


def record_delivery(db: Path, delivery: Delivery) -> None:
    """Store one delivery outcome (the error text never carries a secret: channels redact it)."""
    with writer(db) as con:
        con.execute("INSERT INTO alert_deliveries VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [delivery.alert_id, delivery.event, delivery.channel, delivery.attempts, delivery.ok,
                     delivery.error, delivery.at])


def deliveries(db: Path, alert_id: str | None = None, limit: int = 100) -> list[Delivery]:
    """Delivery attempts, newest first."""
    with reader(db) as con:
        rows = con.execute("""SELECT alert_id, event, channel, attempts, ok, error, "at" FROM alert_deliveries
                              WHERE ?::VARCHAR IS NULL OR alert_id = ? ORDER BY "at" DESC LIMIT ?""",
                           [alert_id, alert_id, limit]).fetchall()
    return [Delivery(*r) for r in rows]


def _alert(row: tuple) -> Alert:
    return Alert(*row)

"""A local simulator of the eight linkage bodies (网络查控) for the demo, the tests and the bench:
a real HTTP service on 127.0.0.1 speaking the protocol of linkage_adapters.

    POST /bodies/<body>/orders {"orders": [...]}         -> {"acks": [...]}
    GET  /bodies/<body>/answers?since=N&limit=M          -> {"answers": [...], "next": N'}
    POST /world/assets {"id_number", "body", "identifier"?, "value"?}  -> the asset added (a test/demo hook:
         "the debtor has a new asset", what a 终本 re-search finds)
    GET  /world/assets?id_number=…                       -> the debtor's assets at every body

    python -m xiezhi.enforcement.linkage_simulator --port 8026 --seed 7

Deterministic by a seed: what happens to an order depends only on (seed, body, ref). Time is
logical — each poll of a body is one tick of that body's clock — so tests need no sleeps. Per
order, a body may answer late (a delay of 0..max_delay ticks, hence out of order), partially (some
assets first, the rest later), twice (the same answer_id again), or never to the first sending
(drop: only a re-sending is answered). The debtors' assets are derived from their ID number
(stable across runs), plus what /world/assets added. Stdlib only (cryptography, when installed,
also verifies the seal's signature)."""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from xiezhi.enforcement.linkage_adapters import BODIES, DEDUCTIBLE, seal_problem

KINDS = {"search", "freeze", "deduct", "release"}


def _digits(seed: str, n: int) -> str:
    return str(int(hashlib.sha256(seed.encode()).hexdigest(), 16))[:n].rjust(n, "0")


def generated_assets(id_number: str, body: str) -> list[dict]:
    """The assets a body holds for a debtor, derived from the ID number: 0–2 per body."""
    h = hashlib.sha256(f"{id_number}|{body}".encode()).digest()
    kind = BODIES[body][2]
    count = (0, 0, 1, 1, 1, 2)[h[0] % 6]
    out = []
    for i in range(count):
        value = Decimal(int.from_bytes(h[1 + 4 * i:5 + 4 * i], "big") % 500_000_00) / 100
        out.append({"kind": kind, "identifier": f"{body.upper()}-{_digits(f'{id_number}{body}{i}', 12)}",
                    "value": str(value.quantize(Decimal("0.01"))), "description": BODIES[body][0]})
    return out


class Body:
    def __init__(self, sim: "Simulator", code: str):
        self.sim, self.code = sim, code
        self.tick = 0
        self.scheduled: list[tuple[int, int, dict]] = []  # (due tick, insertion no., answer)
        self.log: list[dict] = []  # released answers; seq = index + 1
        self.seen: dict[str, int] = {}  # ref -> times received
        self.answered: set[str] = set()  # refs with an answer scheduled
        self._n = itertools.count(1)


class Simulator:
    def __init__(self, seed: int = 1, *, max_delay: int = 2, drop: float = 0.0, partial: float = 0.0,
                 duplicate: float = 0.0):
        self.seed, self.max_delay, self.drop, self.partial, self.duplicate = seed, max_delay, drop, partial, duplicate
        self.bodies = {code: Body(self, code) for code in BODIES}
        self.extra: dict[tuple[str, str], list[dict]] = {}  # (id_number, body) -> added assets
        self.balances: dict[str, Decimal] = {}  # identifier -> balance after deductions
        self.received: list[dict] = []  # every order accepted (for tests)
        self.lock = threading.Lock()

    # the world
    def assets(self, id_number: str, body: str) -> list[dict]:
        out = generated_assets(id_number, body) + self.extra.get((id_number, body), [])
        return [{**a, "value": str(self.balances.get(a["identifier"], Decimal(a["value"])))} for a in out]

    def add_asset(self, id_number: str, body: str, identifier: str = "", value: str = "10000.00") -> dict:
        with self.lock:
            added = self.extra.setdefault((id_number, body), [])
            asset = {"kind": BODIES[body][2], "identifier": identifier or f"{body.upper()}-NEW-{len(added) + 1:04d}",
                     "value": str(Decimal(value).quantize(Decimal("0.01"))), "description": BODIES[body][0]}
            added.append(asset)
            return asset

    # orders
    def submit(self, body: str, orders: list[dict]) -> list[dict]:
        b = self.bodies[body]
        acks = []
        with self.lock:
            for order in orders:
                ref = str(order.get("ref", ""))
                problem = ("" if ref and order.get("kind") in KINDS and order.get("body") == body
                           else "指令格式错误") or seal_problem(order)
                if problem:
                    acks.append({"ref": ref, "accepted": False, "error": problem})
                    continue
                acks.append({"ref": ref, "accepted": True, "error": ""})
                self.received.append(order)
                b.seen[ref] = b.seen.get(ref, 0) + 1
                if ref in b.answered:
                    continue  # the same order again: the body answers it once
                rng = random.Random(f"{self.seed}|{body}|{ref}")
                if b.seen[ref] == 1 and rng.random() < self.drop:
                    continue  # lost: only a re-sending is answered
                b.answered.add(ref)
                self._schedule(b, order, rng)
        return acks

    def _schedule(self, b: Body, order: dict, rng: random.Random) -> None:
        ref, kind = order["ref"], order["kind"]
        base = {"ref": ref, "kind": kind, "result": "ok", "assets": [], "amount": None}
        if kind == "search":
            found = self.assets(order["debtor"].get("id_number", ""), b.code)
        else:
            found, base = self._control(b.code, order, base)
        answer_id = f"{b.code}-{_digits(ref, 16)}"
        delay = rng.randint(0, self.max_delay)
        if kind == "search" and len(found) > 1 and rng.random() < self.partial:
            cut = rng.randint(1, len(found) - 1)
            self._at(b, delay, {**base, "answer_id": answer_id + "-1", "final": False, "assets": found[:cut]})
            self._at(b, delay + 1 + rng.randint(0, self.max_delay),
                     {**base, "answer_id": answer_id + "-2", "final": True, "assets": found[cut:]})
        else:
            answer = {**base, "answer_id": answer_id, "final": True, "assets": found if kind == "search" else
                      base["assets"]}
            self._at(b, delay, answer)
            if rng.random() < self.duplicate:
                self._at(b, delay + rng.randint(0, self.max_delay + 1), dict(answer))

    def _control(self, body: str, order: dict, base: dict):
        asset = order.get("asset") or {}
        ident = asset.get("identifier", "")
        held = {a["identifier"]: a for a in self.assets(order["debtor"].get("id_number", ""), body)}
        if ident not in held:
            return [], {**base, "result": "refused", "error": "未查到该财产"}
        balance = Decimal(held[ident]["value"])
        if order["kind"] == "deduct":
            if BODIES[body][2] not in DEDUCTIBLE:
                return [], {**base, "result": "refused", "error": "该财产不能扣划"}
            amount = min(Decimal(order.get("amount") or "0"), balance)
            self.balances[ident] = balance - amount
            return [], {**base, "amount": str(amount), "assets": [{**held[ident], "value": str(balance - amount)}]}
        if order["kind"] == "freeze":
            amount = min(Decimal(order.get("amount") or balance), balance)
            return [], {**base, "amount": str(amount), "assets": [held[ident]]}
        return [], {**base, "assets": [held[ident]]}

    def _at(self, b: Body, delay: int, answer: dict) -> None:
        b.scheduled.append((b.tick + delay, next(b._n), answer))

    def poll(self, body: str, since: int, limit: int) -> tuple[list[dict], int]:
        b = self.bodies[body]
        with self.lock:
            b.tick += 1
            due = sorted(s for s in b.scheduled if s[0] <= b.tick)
            if due:
                b.scheduled = [s for s in b.scheduled if s[0] > b.tick]
                for _, _, answer in due:
                    b.log.append({**answer, "seq": len(b.log) + 1})
            since = max(0, int(since))
            page = b.log[since:since + max(1, int(limit))]
            return page, since + len(page)


def make_handler(sim: Simulator):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: the adapter reuses its connection
        timeout = 60  # an idle kept-alive connection is closed, its thread ends

        def _json(self, code: int, body) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> dict:
            try:
                return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            except ValueError:
                return {}

        def _route(self):
            parts = urlsplit(self.path)
            return parts.path.strip("/").split("/"), {k: v[0] for k, v in parse_qs(parts.query).items()}

        def do_POST(self):  # noqa: N802
            segs, _ = self._route()
            body = self._body()
            if len(segs) == 3 and segs[0] == "bodies" and segs[2] == "orders" and segs[1] in sim.bodies:
                return self._json(200, {"acks": sim.submit(segs[1], list(body.get("orders") or []))})
            if segs == ["world", "assets"] and body.get("body") in sim.bodies and body.get("id_number"):
                return self._json(200, sim.add_asset(body["id_number"], body["body"], body.get("identifier", ""),
                                                     str(body.get("value") or "10000.00")))
            return self._json(404, {"error": "not found"})

        def do_GET(self):  # noqa: N802
            segs, q = self._route()
            if len(segs) == 3 and segs[0] == "bodies" and segs[2] == "answers" and segs[1] in sim.bodies:
                try:
                    answers, nxt = sim.poll(segs[1], int(q.get("since", 0)), int(q.get("limit", 500)))
                except ValueError:
                    return self._json(400, {"error": "bad since/limit"})
                return self._json(200, {"answers": answers, "next": nxt})
            if segs == ["world", "assets"]:
                idn = q.get("id_number", "")
                return self._json(200, {code: sim.assets(idn, code) for code in sim.bodies})
            return self._json(404, {"error": "not found"})

        def log_message(self, *args):
            pass

    return Handler


def start(host: str = "127.0.0.1", port: int = 0, **options):
    """Start in a background thread; returns (server, simulator, base_url)."""
    sim = Simulator(**options)
    server = ThreadingHTTPServer((host, port), make_handler(sim))
    server.daemon_threads = True
    server.block_on_close = False  # a client keeping its connection open must not hold up shutdown
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, sim, f"http://{host}:{server.server_address[1]}"


def main():
    ap = argparse.ArgumentParser(description="网络查控协助单位模拟器")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8026)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-delay", type=int, default=2)
    ap.add_argument("--drop", type=float, default=0.05)
    ap.add_argument("--partial", type=float, default=0.2)
    ap.add_argument("--duplicate", type=float, default=0.1)
    a = ap.parse_args()
    sim = Simulator(a.seed, max_delay=a.max_delay, drop=a.drop, partial=a.partial, duplicate=a.duplicate)
    server = ThreadingHTTPServer((a.host, a.port), make_handler(sim))
    server.daemon_threads = True
    print(f"linkage simulator on http://{a.host}:{a.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

"""Public search of 执行信息公开 (the dishonest list and the persons under a consumption restriction):
``python -m bench.credit_bench [--rows N] [--samples K]`` (run it through scripts/with-services.sh so
XIEZHI_DATABASE_URL points at PostgreSQL).

Fills enforcement_publiccreditrecord with N rows (default 1,000,000) in one set-based
``INSERT … SELECT … FROM generate_series`` (no Python per row): natural persons with names drawn from
surnames weighted as China's are (王, 李, 张, 刘, 陈 ≈ 7 % each) and one or two given characters,
18-digit resident ID numbers with a valid check character, stored as the model stores them (the
sha256 of the normalised number, xiezhi.enforcement.public.id_hash, and the masked form); 15 % are
companies with an 18-character unified social credit code shown in full. 70 % dishonest-list rows,
25 % restricted persons, 5 % 终本.

Then times the search as the page runs it — the selector ``credit.public_records(query=…)`` and the
view ``GET /enforcement/public/?q=…`` through django.test.Client (each request from its own address,
so the per-address rate limit does not answer 429) — for five query shapes, K samples each (after a
warm-up): exact name, name prefix (a surname and the first given character, or the first part of a
company's name), ID number, credit code, and a wide prefix (a city: every company in it). Reports
p50/p95, rows found, the SQL queries per request (they must not depend on the query or the data),
and EXPLAIN (ANALYZE) of each shape.
Target: p95 ≤ 100 ms. Writes bench/results/credit-<date>-<rows>.md and .json."""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import time
from datetime import date
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"
TARGET_MS = 100.0

# surnames weighted roughly as the population carries them (the top five ≈ 7 % each)
SURNAMES = ("王" * 7 + "李" * 7 + "张" * 7 + "刘" * 6 + "陈" * 5 + "杨" * 3 + "黄" * 2 + "赵" * 2 + "吴" * 2 + "周" * 2
            + "徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦"
              "付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰华红玉萍建国志飞鹏辉春梅海燕宇亮林晓云峰斌波浩鑫凯"
         "文博婷雪琳倩颖佳欣怡俊豪宏新德福荣永成嘉瑞安庆东晨阳光利生发金玲凤兵宁丹秋月彬振卫民和家")
CITIES = ("郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市", "许昌市",
          "漯河市", "三门峡市", "南阳市", "商丘市", "信阳市", "周口市", "驻马店市", "通许县", "尉氏县", "杞县")
TRADE = "华恒瑞丰鑫源宏达中原金盛永兴天成汇通隆昌嘉和伟业博远富康"
INDUSTRY = ("商贸", "建筑工程", "房地产开发", "物流", "农业科技", "机械制造", "食品", "建材", "餐饮管理", "汽车销售",
            "网络科技", "装饰工程", "纺织", "化工", "医药", "物业服务")
# counties of 河南 (the first six digits of a resident ID number)
REGIONS = ("410222", "410221", "410223", "410225", "410102", "410103", "410105", "410122", "410302", "410311",
           "411102", "410702", "410802", "411002", "411302", "411402")
WEIGHTS = (7, 9, 10, 5, 8, 4, 3, 6, 1, 2)  # resident ID check character (GB 11643)


def percentile(values, p):
    s = sorted(values)
    if not s:
        return None
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def _sql_array(items) -> str:
    return "ARRAY[" + ",".join("'" + x.replace("'", "''") + "'" for x in items) + "]"


def _id_expr(i: str) -> str:
    """The SQL expression of row `i`'s resident ID number: a county, a birth date 1950–2004, a
    sequence, the check character computed as GB 11643 does. The same expression gives the ID
    numbers the bench searches for."""
    body = (f"(({_sql_array(REGIONS)})[1 + ({i} * 7) % {len(REGIONS)}] "
            f"|| to_char(DATE '1950-01-01' + (({i}::bigint * 7919) % 20000)::int, 'YYYYMMDD') "
            f"|| lpad((({i} / 20000) % 1000)::text, 3, '0'))")
    weights = "ARRAY[" + ",".join(str(2 ** (17 - k) % 11) for k in range(17)) + "]"
    check = (f"substr('10X98765432', 1 + (SELECT sum(substr(b, k, 1)::int * ({weights})[k]) "
             f"FROM generate_series(1, 17) k)::int % 11, 1)")
    return f"(SELECT b || {check} FROM (SELECT {body} AS b) s)"


def _uscc_expr(i: str) -> str:
    # 91 (企业) + the county + an organisation number; the check character is not computed (the search compares text)
    return (f"('91' || ({_sql_array(REGIONS)})[1 + ({i} * 3) % {len(REGIONS)}] "
            f"|| upper(lpad(to_hex(({i} * 2654435761) % 4294967296), 9, '0')) || chr(48 + ({i} % 10)))")


def _is_org(i: str) -> str:
    return f"(({i} * 31) % 100 < 15)"


def _name_expr(i: str) -> str:
    sur, giv = len(SURNAMES), len(GIVEN)
    person = (f"substr('{SURNAMES}', 1 + (hashint4({i}) & 2147483647) % {sur}, 1) "
              f"|| substr('{GIVEN}', 1 + (hashint4({i} + 1) & 2147483647) % {giv}, 1) "
              f"|| CASE WHEN (hashint4({i} + 2) & 2147483647) % 10 < 7 "
              f"THEN substr('{GIVEN}', 1 + (hashint4({i} + 3) & 2147483647) % {giv}, 1) ELSE '' END")
    org = (f"({_sql_array(CITIES)})[1 + (hashint4({i}) & 2147483647) % {len(CITIES)}] "
           f"|| substr('{TRADE}', 1 + (hashint4({i} + 1) & 2147483647) % {len(TRADE)}, 1) "
           f"|| substr('{TRADE}', 1 + (hashint4({i} + 2) & 2147483647) % {len(TRADE)}, 1) "
           f"|| ({_sql_array(INDUSTRY)})[1 + (hashint4({i} + 3) & 2147483647) % {len(INDUSTRY)}] || '有限公司'")
    return f"CASE WHEN {_is_org(i)} THEN {org} ELSE {person} END"


def _number_expr(i: str) -> str:
    return f"CASE WHEN {_is_org(i)} THEN {_uscc_expr(i)} ELSE {_id_expr(i)} END"


def generate(n: int) -> float:
    """Insert rows 1…n (only those missing: a second run with the same n adds nothing). Returns seconds."""
    from django.db import connection

    t0 = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM enforcement_publiccreditrecord WHERE source LIKE 'bench:%%'")
        have = cur.fetchone()[0]
        if have >= n:
            return 0.0
        number = _number_expr("i")
        sql = f"""
        INSERT INTO enforcement_publiccreditrecord (kind, source, name, id_hash, id_shown, court, case_number, detail, decided_on)
        SELECT CASE WHEN i % 20 = 0 THEN 'zhongben' WHEN i % 4 = 1 THEN 'restricted' ELSE 'dishonest' END,
               'bench:' || i, name, encode(sha256(convert_to(upper(num), 'UTF8')), 'hex'),
               CASE WHEN org THEN upper(num) ELSE left(num, 10) || '****' || right(num, 4) END,
               court, '（' || y || '）豫' || lpad((200 + i % 30)::text, 4, '0') || '执' || (1 + i % 4000) || '号',
               CASE WHEN i % 4 = 1 THEN '限制消费（限制消费规定 第三条）' ELSE '失信情形：第一条第一项（有履行能力而拒不履行生效法律文书确定义务）' END,
               DATE '2019-01-01' + (hashint4(i + 9) & 2147483647) % 2900
        FROM (SELECT i, {_name_expr('i')} AS name, {number} AS num, {_is_org('i')} AS org,
                     2019 + i % 8 AS y, ({_sql_array(CITIES)})[1 + i % {len(CITIES)}] || '人民法院' AS court
              FROM generate_series({have + 1}, {n}) i) g
        """
        cur.execute(sql)
        cur.execute("VACUUM (ANALYZE) enforcement_publiccreditrecord" if connection.in_atomic_block is False
                    else "ANALYZE enforcement_publiccreditrecord")
    return time.perf_counter() - t0


def sample_queries(n_rows: int, k: int, seed: int = 11) -> dict[str, list[str]]:
    """K queries of each shape, from rows that exist (so each finds something)."""
    from django.db import connection

    rnd = random.Random(seed)
    ids = [rnd.randint(1, n_rows) for _ in range(k * 20)]  # 15 % companies: enough of both
    with connection.cursor() as cur:
        exprs = f"{_is_org('i')}, {_name_expr('i')}, {_number_expr('i')}".replace("%", "%%")  # modulo, not a parameter
        cur.execute(f"SELECT i, {exprs} FROM unnest(%s::int[]) i", [ids])
        rows = cur.fetchall()
    persons = [r for r in rows if not r[1]]
    orgs = [r for r in rows if r[1]]
    out = {
        "name exact": [r[2] for r in persons[:k]],
        # a surname and the first given character (张伟…), or a company's city and trade name (开封市华恒…)
        "name prefix": [r[2][:2] if not r[1] else r[2][: r[2].index("市" if "市" in r[2] else "县") + 3]
                        for r in (persons[k: k + k * 2 // 3] + orgs[: k - k * 2 // 3])],
        "ID number": [r[3] for r in persons[2 * k: 3 * k]],
        "credit code": [r[3] for r in orgs[-k:]],
        # the worst a real prefix does: a city or county, every company of it (≈ 7,500 rows at 1,000,000), 50 shown
        "wide prefix": [rnd.choice(CITIES) for _ in range(k)],
    }
    return out


def measure(queries: dict[str, list[str]], warmup: int = 20) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from xiezhi.enforcement import credit

    from bench.run import _client_host

    client = Client(HTTP_HOST=_client_host())
    out = {}
    n_addr = 0
    for shape, qs in queries.items():
        sel, view, found, counts, sqls = [], [], [], [], []
        for j, q in enumerate(qs[:warmup] + qs):
            t0 = time.perf_counter()
            rows = credit.public_records(query=q)
            t1 = time.perf_counter()
            n_addr += 1
            addr = f"10.{n_addr // 65536 % 256}.{n_addr // 256 % 256}.{n_addr % 256}"
            with CaptureQueriesContext(connection) as ctx:
                t2 = time.perf_counter()
                resp = client.get("/enforcement/public/", {"q": q}, REMOTE_ADDR=addr)
                t3 = time.perf_counter()
            if resp.status_code != 200:
                raise SystemExit(f"GET /enforcement/public/?q={q} answered {resp.status_code}")
            if j >= warmup:
                sel.append((t1 - t0) * 1000)
                view.append((t3 - t2) * 1000)
                found.append(len(rows))
                counts.append(len(ctx.captured_queries))
                sqls = [x["sql"] for x in ctx.captured_queries]
        explain = ""
        with connection.cursor() as cur:
            search_sql = next((s for s in sqls if "enforcement_publiccreditrecord" in s), "")
            if search_sql:
                cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + search_sql)
                explain = "\n".join(r[0] for r in cur.fetchall())
        out[shape] = {
            "samples": len(sel), "selector_p50_ms": percentile(sel, 50), "selector_p95_ms": percentile(sel, 95),
            "view_p50_ms": percentile(view, 50), "view_p95_ms": percentile(view, 95),
            "found_mean": sum(found) / len(found), "found_max": max(found), "found_zero": sum(1 for f in found if f == 0),
            "queries_min": min(counts), "queries_max": max(counts), "example": qs[0], "explain": explain,
            "sql": search_sql, "page_sql": sqls,
        }
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m bench.credit_bench")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("--out", type=Path, default=RESULTS_DIR)
    args = ap.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezhi.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("the credit bench needs PostgreSQL (scripts/with-services.sh sets XIEZHI_DATABASE_URL)")
    call_command("migrate", interactive=False, verbosity=0)
    print(f"generating {args.rows:,} public rows …", flush=True)
    gen_s = generate(args.rows)
    with connection.cursor() as cur:
        cur.execute("SELECT count(*), pg_size_pretty(pg_total_relation_size('enforcement_publiccreditrecord')) "
                    "FROM enforcement_publiccreditrecord")
        total, size = cur.fetchone()
    queries = sample_queries(args.rows, args.samples)
    load_before = [round(x, 2) for x in os.getloadavg()]
    results = measure(queries)
    load_after = [round(x, 2) for x in os.getloadavg()]
    worst = max(max(r["selector_p95_ms"], r["view_p95_ms"]) for r in results.values())
    md = [f"# Public credit search (执行信息公开) — {date.today():%Y-%m-%d}, {total:,} rows", "",
          f"Rows: {total:,} ({size} with indexes), generated in {gen_s:.1f} s (0 = reused). "
          f"Load average before / after: {load_before} / {load_after}. "
          f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"PostgreSQL {connection.pg_version // 10000}.", "",
          f"Target p95 ≤ {TARGET_MS:.0f} ms: **{'met' if worst <= TARGET_MS else 'NOT met'}** (worst p95 {worst:.1f} ms).", "",
          "| query | samples | selector p50 / p95 (ms) | view p50 / p95 (ms) | rows found mean (max; none) | SQL queries per page |",
          "|---|---|---|---|---|---|"]
    for shape, r in results.items():
        md.append(f"| {shape} (e.g. `{r['example']}`) | {r['samples']} | {r['selector_p50_ms']:.1f} / {r['selector_p95_ms']:.1f} "
                  f"| {r['view_p50_ms']:.1f} / {r['view_p95_ms']:.1f} | {r['found_mean']:.1f} ({r['found_max']}; {r['found_zero']}) "
                  f"| {r['queries_min']}–{r['queries_max']} |")
    for shape, r in results.items():
        md += ["", f"## EXPLAIN (ANALYZE, BUFFERS): {shape}", "", "```", r["sql"], "", r["explain"], "```"]
    text = "\n".join(md) + "\n"
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = f"credit-{date.today():%Y-%m-%d}-{args.rows}"
    (args.out / f"{stem}.md").write_text(text, encoding="utf-8")
    (args.out / f"{stem}.json").write_text(json.dumps({"rows": total, "size": size, "generation_s": gen_s,
                                                        "load_before": load_before, "load_after": load_after,
                                                        "results": results}, ensure_ascii=False, indent=1),
                                           encoding="utf-8")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the benchmark scenarios to scripts/bench/scenarios/ (committed; rerun to refresh):
spec_example (SPEC §7), family_of_8 (8 members, 4 sharers, 12 expenses), year_200 (the same
family, 200 expenses over a year), kin_blowup (我 + 19 sons + 10 grandsons without `via`, 1000
expenses for one grandson: every son and grandson is a possible parent or sibling, issue 11
item 7) and kin_blowup_via (the same family, each grandson naming his father with `via`)."""
import json, os, shutil

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "scenarios")
os.makedirs(out, exist_ok=True)
shutil.copy(os.path.join(here, "..", "..", "examples", "spec_example.json"), os.path.join(out, "spec_example.json"))

members = [
    {"id": "me", "name": "我", "relation": "self", "insurance": "employee", "province": "福建", "balance": "6200.00"},
    {"id": "wife", "name": "妻子", "relation": "spouse", "insurance": "employee", "province": "福建", "balance": "4800.00"},
    {"id": "dad", "name": "爸爸", "relation": "father", "insurance": "employee_retired", "province": "福建", "balance": "2600.00"},
    {"id": "mom", "name": "妈妈", "relation": "mother", "insurance": "employee_retired", "province": "福建", "balance": "900.00"},
    {"id": "son", "name": "儿子", "relation": "son", "insurance": "resident", "province": "福建"},
    {"id": "girl", "name": "女儿", "relation": "daughter", "insurance": "resident", "province": "北京"},
    {"id": "gpa", "name": "爷爷", "relation": "paternal_grandfather", "insurance": "resident", "province": "福建"},
    {"id": "gma", "name": "奶奶", "relation": "paternal_grandmother", "insurance": "resident", "province": "福建"},
]
sharing = [
    {"from": "me", "to": "mom", "order": 1}, {"from": "wife", "to": "mom", "order": 2},
    {"from": "me", "to": "dad", "order": 1}, {"from": "dad", "to": "gpa", "order": 1},
    {"from": "mom", "to": "gma", "order": 1}, {"from": "me", "to": "gma", "order": 2},
    {"from": "wife", "to": "son", "order": 1}, {"from": "me", "to": "son", "order": 2},
    {"from": "me", "to": "girl", "quota": "800.00"},
]
pooled = {"deductible_left": "800.00", "ratio": "0.70", "cap_left": "150000.00"}
templates = [
    ("mom", "outpatient_visit", "designated_hospital", "amount", True),
    ("dad", "catalogue_drug", "designated_pharmacy", "amount", False),
    ("son", "dental_filling", "designated_hospital", "amount", True),
    ("gma", "inpatient_stay", "designated_hospital", "personal_burden", False),
    ("girl", "outpatient_visit", "designated_hospital", "personal_burden", False),
    ("gpa", "medical_device", "designated_pharmacy", "amount", False),
    ("mom", "teeth_whitening", "designated_hospital", "amount", False),
    ("son", "resident_premium", "online", "amount", False),
    ("me", "root_canal", "designated_hospital", "amount", True),
    ("wife", "catalogue_drug", "designated_pharmacy", "amount", False),
    ("dad", "health_supplement", "designated_pharmacy", "amount", False),
    ("gma", "outpatient_visit", "non_designated", "amount", False),
]


def expenses(n):
    out = []
    for i in range(n):
        patient, item, venue, field, with_pool = templates[i % len(templates)]
        e = {"patient": patient, "item": item, "venue": venue, field: "%d.%02d" % (40 + (i * 37) % 460, (i * 13) % 100), "card": "own"}
        if with_pool:
            e["pooled"] = pooled
        out.append(e)
    return out


for name, n in (("family_of_8", len(templates)), ("year_200", 200)):
    s = {"as_of": "2026-11-23", "region": "national", "members": members, "sharing": sharing, "expenses": expenses(n)}
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump(s, f, ensure_ascii=False, indent=1)
        f.write("\n")


def kin_blowup(with_via):
    """我 + 19 sons + 10 grandsons; 我 shares to the first grandson (grandparent either way), whose
    1000 small expenses soon exhaust it, so every expense also asks every son and grandson with
    money whether they could have shared (not_bound): 28 pair questions per expense."""
    ms = [{"id": "me", "name": "我", "relation": "self", "insurance": "employee_retired", "province": "福建", "balance": "300.00"}]
    for k in range(1, 20):
        ms.append({"id": "s%d" % k, "name": "儿子%d" % k, "relation": "son", "insurance": "employee", "province": "福建",
                   "balance": "%d.00" % (1000 + 50 * k)})
    for k in range(1, 11):
        g = {"id": "g%d" % k, "name": "孙子%d" % k, "relation": "grandson", "province": "福建"}
        if with_via:
            g["via"] = "s%d" % ((k - 1) // 2 + 1)
        if k == 1:
            g["insurance"] = "resident"
        else:
            g.update({"insurance": "employee", "balance": "%d.00" % (200 + 10 * k)})
        ms.append(g)
    ex = [{"patient": "g1", "item": "medical_device", "venue": "designated_pharmacy",
           "amount": "%d.%02d" % (20 + (i * 37) % 80, (i * 13) % 100), "card": "own"} for i in range(1000)]
    return {"as_of": "2026-11-23", "region": "national", "members": ms, "sharing": [{"from": "me", "to": "g1", "order": 1}],
            "expenses": ex}


for name, with_via in (("kin_blowup", False), ("kin_blowup_via", True)):
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump(kin_blowup(with_via), f, ensure_ascii=False, indent=1)
        f.write("\n")
print("scenarios written to", out)

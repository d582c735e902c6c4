#!/usr/bin/env python3
"""Writes the benchmark scenarios to scripts/bench/scenarios/ (committed; rerun to refresh):
spec_example (SPEC §7), family_of_8 (8 members, 4 sharers, 12 expenses), year_200 (the same
family, 200 expenses over a year)."""
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
print("scenarios written to", out)

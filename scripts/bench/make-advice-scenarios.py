#!/usr/bin/env python3
"""Writes the worst shapes for order advice (issue 11 item 6) within the input limits to the
directory given (default bench-results/advice): every member an employee with money, every
sharer a close relative in the same province, expenses that drain the accounts.

  advice_issue    30 members, one patient with 6 sharers, 500 expenses (the issue's case)
  advice_1000     30 members, one patient with 29 sharers, 1000 expenses
  advice_lines    30 members, 100 sharing lines (14 patients with 7 sharers each, 2 more), 1000 expenses
  advice_two      30 members, two patients with 6 sharers each, 1000 expenses

Usage: scripts/bench/make-advice-scenarios.py [DIR]"""
import json, os, sys

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join("bench-results", "advice")
os.makedirs(out, exist_ok=True)


def member(i, mid, relation):
    return {"id": mid, "relation": relation, "insurance": "employee", "province": "福建",
            "balance": "%d.%02d" % (300 + (i * 389) % 4700, (i * 7) % 100)}


def family():
    """我, spouse, father, mother, 13 siblings, 13 children: 30 members."""
    ms = [member(0, "me", "self"), member(1, "wife", "spouse"), member(2, "dad", "father"), member(3, "mom", "mother")]
    for k in range(13):
        ms.append(member(4 + k, "sib%d" % k, "brother" if k % 2 else "sister"))
    for k in range(13):
        ms.append(member(17 + k, "kid%d" % k, "son" if k % 2 else "daughter"))
    return ms


def expenses(n, patients):
    items = [("outpatient_visit", "designated_hospital", "personal_burden"),
             ("catalogue_drug", "designated_pharmacy", "amount"),
             ("dental_filling", "designated_hospital", "personal_burden"),
             ("inpatient_stay", "designated_hospital", "personal_burden")]
    es = []
    for i in range(n):
        item, venue, field = items[i % len(items)]
        es.append({"patient": patients[i % len(patients)], "item": item, "venue": venue,
                   field: "%d.%02d" % (40 + (i * 37) % 460, (i * 13) % 100), "card": "own"})
    return es


def write(name, sharing, exp):
    s = {"as_of": "2026-11-23", "region": "national", "members": family(), "sharing": sharing, "expenses": exp}
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump(s, f, ensure_ascii=False)
    print(name, len(sharing), "lines", len(exp), "expenses")


# The patient is 我: spouse, parents, siblings and children are all close relatives.
others = [m["id"] for m in family() if m["id"] != "me"]
six = ["wife", "dad", "mom", "sib0", "kid0", "kid1"]
write("advice_issue", [{"from": f, "to": "me", "order": i + 1} for i, f in enumerate(six)], expenses(500, ["me"]))
write("advice_1000", [{"from": f, "to": "me", "order": i + 1} for i, f in enumerate(others)], expenses(1000, ["me"]))
# A child's close relatives here: 我, spouse, grandparents, siblings.
lines = []
for k in range(14):
    kid = "kid%d" % (k % 13) if k < 13 else "me"
    if kid == "me":
        froms = ["wife", "dad", "mom", "sib0", "sib1", "kid0", "kid1"]
    else:
        froms = ["me", "wife", "dad", "mom"] + ["kid%d" % ((k + j) % 13) for j in (1, 2, 3)]
    lines += [{"from": f, "to": kid} for f in froms]
lines += [{"from": "me", "to": "dad"}, {"from": "me", "to": "mom"}]
write("advice_lines", lines, expenses(1000, ["kid%d" % k for k in range(13)] + ["me"]))
write("advice_two", [{"from": f, "to": "me", "order": i + 1} for i, f in enumerate(six)]
      + [{"from": f, "to": "kid0", "order": i + 1} for i, f in enumerate(["me", "wife", "dad", "mom", "kid1", "kid2"])],
      expenses(1000, ["me", "kid0"]))

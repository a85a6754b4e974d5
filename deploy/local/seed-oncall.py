#!/usr/bin/env python3
"""Local demo on-call data (idempotent): team 'payments' (owns the demo service checkout) with
qualified Incident Commander, Comms Lead and Tech Lead schedules, a team on-call schedule and a
default escalation policy; every demo responder gets an e-mail contact method, verified the real
way (the code is read back from the local SMTP server's mailbox).

Usage: seed-oncall.py <keycloak-url> <response-url> <mail-api-url>
"""
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

KEYCLOAK, RESPONSE, MAIL = sys.argv[1], sys.argv[2].rstrip("/") + "/api/v1/response", sys.argv[3]
TEAM = "payments"
PEOPLE = ["incident-commander", "comms-lead", "tech-lead", "responder", "service-owner"]


def token(user):
    data = urllib.parse.urlencode({"grant_type": "password", "client_id": "firebreak-console", "username": user,
                                   "password": user + "-local-dev-only"}).encode()
    with urllib.request.urlopen(KEYCLOAK + "/realms/firebreak/protocol/openid-connect/token", data) as r:
        return json.load(r)["access_token"]


def call(user, method, path, body=None, ok=(200, 201, 202, 204)):
    req = urllib.request.Request(RESPONSE + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + TOKENS[user], "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req) as r:
            text = r.read().decode()
            return r.status, json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        if e.code in ok:
            return e.code, None
        return e.code, e.read().decode()


TOKENS = {u: token(u) for u in PEOPLE + ["admin"]}

status, _ = call("admin", "POST", "/teams", {"id": TEAM, "name": "Payments", "manager": "service-owner",
                                            "members": ["incident-commander", "comms-lead", "tech-lead", "responder"]})
assert status in (201, 409), f"team: {status}"

_, mine = call("admin", "GET", "/people/incident-commander/qualifications")
if not mine:
    for person, role in (("incident-commander", "INCIDENT_COMMANDER"), ("comms-lead", "COMMS_LEAD"), ("tech-lead", "TECH_LEAD")):
        status, body = call("admin", "POST", f"/people/{person}/qualifications",
                            {"role": role, "trainedOn": "2026-01-15", "evidence": "local demo: incident role training"})
        assert status == 201, f"qualification {person}: {status} {body}"

_, schedules = call("admin", "GET", f"/teams/{TEAM}/schedules")
have = {s["name"] for s in schedules}
for name, role, person, succession in (("Incident Commander", "INCIDENT_COMMANDER", "incident-commander", []),
                                       ("Comms Lead", "COMMS_LEAD", "comms-lead", []),
                                       ("Tech Lead", "TECH_LEAD", "tech-lead", []),
                                       ("Payments on-call", "TEAM_ON_CALL", "responder", [])):
    if name in have:
        continue
    status, body = call("service-owner", "POST", f"/teams/{TEAM}/schedules", {
        "name": name, "role": role, "timeZone": "Europe/Berlin", "succession": succession,
        "layers": [{"name": "weekly", "start": "2026-01-05T09:00", "length": {"unit": "DAYS", "amount": 7}, "participants": [person]}]})
    assert status == 201, f"schedule {name}: {status} {body}"

_, policies = call("admin", "GET", f"/teams/{TEAM}/escalation-policies")
if not policies:
    status, body = call("service-owner", "POST", f"/teams/{TEAM}/escalation-policies", {
        "name": "Payments default", "isDefault": True, "repeatCount": 1,
        "levels": [{"targets": [{"type": "TEAM", "ref": TEAM}]}, {"targets": [{"type": "PERSON", "ref": "service-owner"}]}]})
    assert status == 201, f"policy: {status} {body}"


def code_from_mailbox(address, after):
    for _ in range(60):
        try:
            with urllib.request.urlopen(f"{MAIL}/api/user/{address}/messages/") as r:
                messages = json.load(r)
        except urllib.error.HTTPError:
            messages = []
        for m in messages[after:]:
            found = re.search(r"verification code (\d{6})", m.get("subject", ""))
            if found:
                return found.group(1)
        time.sleep(0.5)
    raise SystemExit(f"no verification code arrived for {address}")


verified = 0
for person in PEOPLE:
    address = f"{person}@firebreak.local"
    _, methods = call(person, "GET", "/me/contact-methods")
    method = next((m for m in methods if m["address"] == address), None)
    if method is None:
        status, method = call(person, "POST", "/me/contact-methods", {"kind": "EMAIL", "address": address, "label": "demo"})
        assert status == 201, f"contact method {person}: {status} {method}"
    if not method["verified"]:
        try:
            with urllib.request.urlopen(f"{MAIL}/api/user/{address}/messages/") as r:
                seen = len(json.load(r))
        except urllib.error.HTTPError:
            seen = 0
        call(person, "POST", f"/me/contact-methods/{method['id']}/verification")
        status, body = call(person, "POST", f"/me/contact-methods/{method['id']}/verify", {"code": code_from_mailbox(address, seen)})
        assert status == 200, f"verify {person}: {status} {body}"
    verified += 1

print(f"on-call demo: team {TEAM} with IC, Comms Lead, Tech Lead and on-call schedules, a default policy, "
      f"{verified} people with verified e-mail")

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/) from the examples of
API reference notes given as the first argument (a folder of *.md: JSON bodies, redirect URLs,
error bodies) and a few
hand-made edge cases. Run once after a change here; the seeds are committed, the grown corpus is not.

Each target's input format (see the target's .cpp): control bytes first, then the payload."""
import io, json, os, re, sys, zipfile, hashlib

HERE = os.path.dirname(os.path.abspath(__file__))
if len(sys.argv) < 2:
    sys.exit('usage: make_seeds.py REFERENCE_FOLDER (Markdown notes of the Zoho and Adobe APIs)')
REF = sys.argv[1]
OUT = os.path.join(HERE, 'corpus')

corpora = {}

def seed(target, data):
    if isinstance(data, str):
        data = data.encode()
    corpora.setdefault(target, []).append(data)

def ref_json_blocks():
    blocks = []
    for name in sorted(os.listdir(REF)) if os.path.isdir(REF) else []:
        if not name.endswith('.md'):
            continue
        text = open(os.path.join(REF, name), encoding='utf-8').read()
        for _, body in re.findall(r"```(\w*)\n(.*?)```", text, re.S):
            # http blocks: the JSON after the headers; json blocks with several bodies: each line.
            candidates = [body]
            if '\n\n' in body:
                candidates.append(body.split('\n\n', 1)[1])
            candidates += body.splitlines()
            for c in candidates:
                c = c.strip()
                try:
                    json.loads(c)
                    blocks.append(c)
                except ValueError:
                    pass
        for inline in re.findall(r"`(\{[^`]*\})`", text):
            try:
                json.loads(inline)
                blocks.append(inline)
            except ValueError:
                pass
    return blocks

REF_JSON = list(dict.fromkeys(ref_json_blocks()))

def ref_with(*keys):
    return [b for b in REF_JSON if any(('"%s"' % k) in b for k in keys)]

# --- redirect: selector byte, then the URL ------------------------------------------------------
state = 's7Kx-2f9QeW_0pL3'
for sel, base in [(0, 'http://127.0.0.1:53682/callback'), (1, 'http://localhost:53682/callback'),
                  (2, 'https://www.zylker.com/callback'), (3, 'https://oauth.pstmn.io/v1/browser-callback')]:
    b = bytes([sel])
    seed('redirect', b + (base + '?state=%s&code=1000.abbb4c9e09.5ff447&location=in&accounts-server=https://accounts.zoho.in' % state).encode())
    seed('redirect', b + (base + '?code=1000.xxx.yyy&location=us&accounts-server=https%%3A%%2F%%2Faccounts.zoho.com&state=%s&' % state).encode())
    seed('redirect', b + (base + '?state=%s&error=access_denied&error_description=User%%20denied' % state).encode())
    seed('redirect', b + (base + '?state=%s&code=1&location=eu&accounts-server=https%%3A%%2F%%2Fevil.example&' % state).encode())
    seed('redirect', b + (base + '?state=%s&state=x&code=1&location=eu&accounts-server=https%%3A%%2F%%2Faccounts.zoho.eu' % state).encode())
    seed('redirect', b + (base + '?state=wrong&code=1&location=ca&accounts-server=https%3A%2F%2Faccounts.zohocloud.ca').encode())
seed('redirect', b'\x00http://127.0.0.1:53682/callback/../callback?state=%s&code=1&location=us&accounts-server=http://accounts.zoho.com' % state.encode())
seed('redirect', b'\x00HTTP://127.0.0.1:053682/CALLBACK?%00state=' + state.encode())
seed('redirect', b'\x02https://www.zylker.com:443/callback#state=' + state.encode() + b'&code=1')
seed('redirect', b'\x01http://[::1]:53682/callback?state=' + state.encode() + b'&code=1000.a&location=jp&accounts-server=https%3A%2F%2Faccounts.zoho.jp%2F')

# --- endpoints: the file itself -----------------------------------------------------------------
sandbox = {"zoho": {"dataCenters": {
    "us": {"accounts": "http://127.0.0.1:41234/zoho/us/accounts", "api": "http://127.0.0.1:41234/zoho/us/api"},
    "eu": {"accounts": "http://127.0.0.1:41234/zoho/eu/accounts", "api": "http://127.0.0.1:41234/zoho/eu/api",
           "sandboxApi": "http://localhost:41234/zoho/eu/sandbox-api", "developerApi": "http://localhost:41234/zoho/eu/dev"}}},
    "adobe": {"ims": "http://127.0.0.1:41234/adobe/ims", "platform": "http://[::1]:41234/adobe/platform"}}
seed('endpoints', json.dumps(sandbox, indent=2))
prod = {"zoho": {"dataCenters": {c: {"accounts": a, "api": "https://www.zohoapis." + t} for c, a, t in [
    ("us", "https://accounts.zoho.com", "com"), ("eu", "https://accounts.zoho.eu", "eu"),
    ("in", "https://accounts.zoho.in", "in"), ("au", "https://accounts.zoho.com.au", "com.au"),
    ("cn", "https://accounts.zoho.com.cn", "com.cn"), ("jp", "https://accounts.zoho.jp", "jp"),
    ("ca", "https://accounts.zohocloud.ca", "ca"), ("sa", "https://accounts.zoho.sa", "sa")]}},
    "adobe": {"ims": "https://ims-na1.adobelogin.com", "platform": "https://platform.adobe.io"}}
seed('endpoints', json.dumps(prod))
seed('endpoints', json.dumps({"zoho": {"dataCenters": {"us": {"accounts": "http://accounts.example.net", "api": "http://api.example.net"}}},
                              "adobe": {"ims": "https://ims", "platform": "https://p"}}))
seed('endpoints', json.dumps({"zoho": {"dataCenters": {"": {"accounts": "https://a/", "api": "https://a/"},
                                                       "US": {"accounts": "https://A.example/x/", "api": "ftp://x"}}},
                              "adobe": {"ims": "", "platform": None}}))
seed('endpoints', '{"zoho":{"dataCenters":{}}}')
seed('endpoints', '{"zoho":{"dataCenters":{"us":{"accounts":"https://accounts.zoho.com","api":"https://www.zohoapis.com","extra":1}}},"adobe":{"ims":"https://ims-na1.adobelogin.com","platform":"https://platform.adobe.io","x":[]}}')
seed('endpoints', '[1,2,3]')

# --- zoho_token: status byte, mode byte (bit 0 exchange, bits 1..: data centre), body --------------
for body in ref_with('access_token', 'error') + [
        '{"access_token":"1000.a","refresh_token":"1000.r","api_domain":"https://www.zohoapis.eu","token_type":"Bearer","expires_in":3600}',
        '{"access_token":"1000.a","api_domain":"https://www.zohoapis.com","expires_in_sec":3600000}',
        '{"access_token":"1000.a","refresh_token":"1000.r","api_domain":"https://evil.example","expires_in":3600}',
        '{"access_token":"1000.a","refresh_token":"","api_domain":"https://www.zohoapis.com","expires_in":1e300}',
        '{"access_token":"1000.a","api_domain":"https://sandbox.zohoapis.eu","expires_in":-5}',
        '{"error":"invalid_code"}', '{"error":"invalid_client"}', '{"error":"invalid_redirect_uri"}',
        '{"error":"Access Denied","error_description":"too many"}', '{"error":"unsupported_grant_type"}',
        '{"error":"x"}', '{"error":12}', '', 'not json', '[]']:
    for status, mode in [(0, 1), (0, 2), (3, 3)]:
        seed('zoho_token', bytes([status, mode]) + body.encode())

# --- zoho_crm: status byte, Retry-After line, body --------------------------------------------------
crm = ref_with('users', 'org', 'modules', 'fields', 'data', 'code', 'count') + [
    '{"users":[{"id":"111133000000057662","full_name":"A","email":"a@example.com","zuid":"4","status":"active","role":{"name":"CEO"},"profile":{"name":"Administrator"}}]}',
    '{"users":[]}', '{"users":{}}', '{"org":[{"id":"1","company_name":"Zylker","license_details":{"paid_type":"enterprise"},"type":"production","time_zone":"PST","currency":"USD","country_code":"US"}]}',
    '{"modules":[{"api_name":"Leads","plural_label":"Leads","singular_label":"Lead","generated_type":"default","api_supported":true},{"api_name":"L","generated_type":"linking","api_supported":true},{"api_name":"X","api_supported":false}]}',
    '{"fields":[{"api_name":"Email","field_label":"Email","data_type":"email","json_type":"string","custom_field":false,"read_only":false},{"api_name":"Amount","data_type":"currency","json_type":"double"}]}',
    '{"data":[{"id":"1","Last_Name":"A"}],"info":{"more_records":true,"count":1,"next_page_token":"t0k"}}',
    '{"data":{},"info":{"count":"x"}}',
    '{"data":[{"id":4150868000000002175,"display_name":"A","type":"recycle","deleted_time":"2026-11-28T10:00:00+00:00"},{"id":"2","type":"permanent","deleted_time":"2020-01-01T00:00:00Z"},{"id":null,"deleted_time":"garbage"}],"info":{"more_records":false}}',
    '{"count":42}', '{"count":"9007199254740993"}', '{"count":1e300}', '{"count":-1}', '{"count":null}',
    '{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}',
    '{"code":"NO_PERMISSION","details":{"permissions":["Crm_Implied_Api_Access",1]},"message":"permission denied","status":"error"}',
    '{"code":"SYNTAX_ERROR","details":{"line":1,"column":12,"near":"FORM"},"message":"error in query","status":"error"}',
    '{"code":"INVALID_QUERY","details":{"reason":"column given seems to be invalid","column_name":"Foo"},"message":"invalid query formed","status":"error"}',
    '{"code":"TOO_MANY_REQUESTS","details":{"retry_after":60},"message":"too many","status":"error"}',
    '{"code":"OAUTH_SCOPE_MISMATCH","message":"Unauthorized","status":"error","details":{}}',
    '', 'null', '<html>502 Bad Gateway</html>']
crm_status = [(0, b''), (4, b''), (6, b''), (7, b''), (10, b'30'), (12, b'Wed, 21 Oct 2026 07:28:00 GMT')]
for i, body in enumerate(crm):
    for status, retry in (crm_status[i % 6], crm_status[(i + 2) % 6]):
        seed('zoho_crm', bytes([status]) + retry + b'\n' + body.encode())

# --- adobe: status byte, header line, body ------------------------------------------------------------
adobe = [b for b in REF_JSON if b not in ref_with('select_query')] + [
    '{"error":"invalid_client","error_description":"invalid client_id parameter"}',
    '{"error":"invalid_scope","error_description":"bad"}', '{"access_token":"eyJ","token_type":"bearer","expires_in":86399000}',
    '{"error_code":"403003","message":"Api Key is invalid"}',
    '{"type":"https://ns.adobe.com/aep/errors/FLOW-1362-400","title":"Bad","status":400,"report":{"detailed-message":"interval","additionalContext":{"x":1}}}',
    '{"type":"http://ns.adobe.com/aep/errors/XDM-1012-404","title":"Not found","status":404,"detail":"schema"}',
    '{"errorCode":"401013","message":"Oauth token is not valid"}',
    '{"01JBATCH0000000000000000":{"status":"success","externalId":"zaep:1:Leads:x","relatedObjects":[{"type":"dataSet","id":"66f1"}],"metrics":{"inputRecordCount":3,"outputRecordCount":2,"failedRecordCount":1},"errors":[{"code":"x"}]}}',
    '{"a":{"status":"failed","externalId":"other"},"b":{"externalId":"zaep:1:Leads:x"},"c":1}',
    '{"66f1c2d3e4f5a6b7c8d9e0f1":{"name":"Zoho CRM Leads dataset","schemaRef":{"id":"https://ns.adobe.com/acme/schemas/1"}}}',
    '{"items":[{"id":"r1","metrics":{"durationSummary":{"startedAtUTC":1727000000000,"completedAtUTC":"2026-11-28T10:00:00Z"},"recordSummary":{"inputRecordCount":"5"},"statusSummary":{"status":"failed","errors":[{"code":"CONNECTOR-1001-500","message":"m"}]}}}],"_links":{"next":{"href":"/runs?continuationToken=x"}}}',
    '{"schema":{"columns":[{"name":"id","type":"string"},{"name":1},{}]}}', '[]', '', 'oops']
adobe_status = [(0, b''), (5, b'req-1'), (6, b''), (8, b''), (12, b'7'), (13, b'')]
for i, body in enumerate(adobe):
    for status, header in (adobe_status[i % 6], adobe_status[(i + 3) % 6]):
        seed('adobe', bytes([status]) + header + b'\n' + body.encode())

# --- schedule: control byte, interval u16, start offset u32 (unless bit 4), lines -----------------------
def sched(control, interval, start, freq, delta, cols, duration, profile, args, after=3600):
    import struct
    b = bytes([control]) + struct.pack('<H', interval & 0xffff)
    if not control & 0x10:
        b += struct.pack('<i', start)
    b += ('%s\n%s\n%s\n%s\n' % (freq, delta, cols, duration)).encode() + struct.pack('<i', after)
    b += ('%s\n%s' % (profile, args)).encode()
    return b
seed('schedule', sched(0x00, 0, 60, 'once', '', '', '4h', 'default', '--config-dir\n/home/u/.config/zaw\n--profile\ndefault'))
seed('schedule', sched(0x02, 15, 3600, 'minute', 'Modified_Time', 'Created_Time,Modified_Time', '30m', 'sales-eu', '--profile\nsales eu'))
seed('schedule', sched(0x83, 1, 86400, 'hour', 'Modified_Time', 'Modified_Time', '1d', 'x', ''))
seed('schedule', sched(0x24, 1, -10, 'day', '', 'Last_Activity_Time', '90', 'a-b', '--config-dir\n/tmp/with space/"quoted"'))
seed('schedule', sched(0x0d, 2, 0, 'fortnight', 'Modified_Time', '', 'abc', '..', '%h\n$HOME\n`x`'))
seed('schedule', sched(0x15, -3, 0, 'week', 'Created', ',,', '0m', 'n', '\\'))
seed('schedule', sched(0x05, 1, 100, 'week', 'Modified_Time', 'Modified_Time', '99999999999h', 'p', 'a\nb', after=-2**31))

# --- profile: the file ---------------------------------------------------------------------------------
fixture = os.path.join(HERE, '..', 'fixtures', 'setup-v1-profile.json')
if os.path.exists(fixture):
    seed('profile', open(fixture, 'rb').read())
seed('profile', json.dumps({"name": "default", "id": "adc3bc57561d2c72017d899aad677567", "created": "2026-12-07T17:10:01.364Z",
                            "updated": "2026-12-07T17:10:02Z", "zoho": {"dc": "eu", "environment": "production", "clientId": "1000.ABC"},
                            "adobe": {"clientId": "8aff", "orgId": "5A1C@AdobeOrg", "sandbox": "prod"}, "setup": {}, "sync": {"modules": ["Leads"]}}, indent=4))
seed('profile', '{"id":"ADC3","name":"x"}')
seed('profile', '{"id":"adc3bc57561d2c72017d899aad677567","zoho":[],"adobe":"x","created":"yesterday"}')
seed('profile', '{"id":"adc3bc57561d2c72017d899aad677567","zoho":{"auth":{"refreshToken":"1000.r"},"clientSecret":"s"}}')
seed('profile', '{"id":"adc3bc57561d2c72017d899aad677567"')
seed('profile', '')

# --- sync_state: control byte, then the file (state JSON, or history lines) ------------------------------
for b in ref_with('cursor', 'fieldsHash'):
    seed('sync_state', b'\x01' + b.encode())
state_doc = {"module": "Leads", "dataSetId": "66f1c2d3e4f5a6b7c8d9e0f1", "fieldsHash": "abc", "phase": "incremental",
             "cursor": {"ts": "2026-11-28T10:00:00Z", "id": "4150868000000002175"}, "deletedSince": "2026-11-28T09:00:00.123Z",
             "pending": {"externalId": "zaep:1:Leads:20261128T100000Z-20261128T110000Z", "batchId": "01JD", "spoolKey": "k",
                         "windowEnd": "2026-11-28T11:00:00Z", "files": [{"name": "part-00001.json", "bytes": 10, "rows": 2, "uploaded": True}],
                         "completed": False, "firstLoad": True, "attempt": 2, "records": 2, "tombstones": 1},
             "attention": {"hash": "abc", "batchId": "01JE", "message": "bad rows", "errors": [{"code": "X"}]}}
seed('sync_state', b'\x00' + json.dumps(state_doc).encode())
seed('sync_state', b'\x02' + json.dumps({"module": 1, "cursor": "x", "pending": [], "phase": None}).encode())
run = {"startedAt": "2026-11-28T10:00:00Z", "finishedAt": "2026-11-28T10:01:00Z", "status": "success", "lockHeld": False,
       "modules": [{"module": "Leads", "status": "success", "records": 5, "tombstones": 1, "batchId": "01JD", "message": ""}]}
lines = '\n'.join(json.dumps(dict(run, status=s)) for s in ['success', 'failed', 'partial']) + '\n{"torn'
seed('sync_state', b'\x03' + lines.encode())
seed('sync_state', b'\x01' + (json.dumps(run) + '\n\n[]\n7\n').encode())

# --- csv: split bytes (until 0), type byte, CSV ------------------------------------------------------------
csvs = [
    '"Id","Last_Name","Email","Owner.id","Annual_Revenue","Email_Opt_Out","Tag","Created_Time"\r\n'
    '"4150868000000002175","Boyle","p@example.com","4150868000000225013","1200.50","true","a;b","2026-11-28T10:00:00+00:00"\r\n'
    '"2","O\'Neil, ""Jr""","","","","false","",""\r\n',
    '\ufeffId,Name\n1,"multi\nline"\n2,\xc3\xa9t\xc3\xa9\n',
    'a,b\r\n"unterminated,\r\n',
    'x\r\r\n\n\n"",\n,,,\n',
    'Id,Amount\n1,99999999999999999999999\n2,-0\n3,1e400\n4,NaN\n',
]
for c in csvs:
    data = c.encode('utf-8', 'surrogatepass') if isinstance(c, str) else c
    for splits in [b'', b'\x01', b'\x03\x07', b'\x02\x05\x0b']:
        for t in [0, 5, 9]:
            seed('csv', splits + b'\x00' + bytes([t]) + data)

# --- zip_csv: block byte, then the ZIP -----------------------------------------------------------------------
def zipped(entries, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', method) as z:
        for name, body in entries:
            z.writestr(name, body)
    return buf.getvalue()
seed('zip_csv', b'\x01' + zipped([('Leads.csv', csvs[0])]))
seed('zip_csv', b'\x00' + zipped([('readme.txt', 'x'), ('111.CSV', csvs[1])], zipfile.ZIP_STORED))
seed('zip_csv', b'\x07' + zipped([('none.txt', 'x')]))
seed('zip_csv', b'\x02' + zipped([('a.csv', csvs[2])])[:-30])
seed('zip_csv', b'\x03' + b'PK\x03\x04garbage')
seed('zip_csv', b'\x04' + zipped([('big.csv', 'Id,Name\n' + ''.join('%d,name %d\n' % (i, i) for i in range(300)))]))

for target, items in sorted(corpora.items()):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    for old in os.listdir(d):
        os.remove(os.path.join(d, old))
    seen = set()
    for data in items:
        h = hashlib.sha1(data).hexdigest()[:16]
        if h in seen:
            continue
        seen.add(h)
        with open(os.path.join(d, 'seed-' + h), 'wb') as f:
            f.write(data)
    print('%-12s %d seeds' % (target, len(seen)))

#!/usr/bin/env python3
"""The language server through a scripted client: framed messages in,
framed messages out, for every request the server handles, in both
position encodings, on a digest whose findings come after Japanese text
and an astral character (so utf-8 and utf-16 columns differ).

Usage: test_lsp.py DIGESTLINT SOURCE_DIR"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import LspClient, ServerGone  # noqa: E402

BINARY = os.path.abspath(sys.argv[1])
SOURCE = Path(sys.argv[2])

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)
    return condition


# Line 20 (0-based): a full-width 'ＡＢＣ' (DL503) after kana, kanji and an
# emoji; line 21: a trailing space (DL208); line 37: 'Tools' again
# (DL103, with a note on line 2).
DIGEST = """# Daily Security Info

### Tools
N/A

### malware campaign
N/A

### security report
N/A

### cybercrime topics
N/A

### 日々のニュース要約

#### 大手ホスティング事業者で管理画面への不正ログイン
https://example.com/news/hosting-admin-login

- 要約
    - 管理画面への不正ログインで😀一部顧客のＡＢＣ設定が変更された
    - 攻撃者は流出した認証情報を使用した 
- IOCの列挙
    - login-check[.]kanri-portal[.]xyz,FQDN名,知られていない,フィッシングに使われたドメイン,NA(IP以外)
- 推奨事項
    - 管理画面の多要素認証を有効にする
- その他
    - 攻撃者の情報なし
- ChatGPTの推奨事項
    - 管理画面のパスワードを直ちに変更する

### 日本のインシデント事例
N/A

### その他のメモ
N/A

### Tools
N/A
"""


def units(text, encoding):
    """Length of `text` in the encoding's code units."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text.encode("utf-16-le")) // 2


def position_of(text, index, encoding):
    """The LSP position of a Python string index."""
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return {"line": line, "character": units(text[start:index], encoding)}


def index_of(text, position, encoding):
    """The Python string index of an LSP position."""
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[: position["line"]])
    line = lines[position["line"]] if position["line"] < len(lines) else ""
    count = 0
    for i, ch in enumerate(line):
        if count >= position["character"]:
            return start + i
        count += units(ch, encoding)
    return start + len(line)


def apply_edits(text, edits, encoding):
    resolved = [
        (index_of(text, e["range"]["start"], encoding), index_of(text, e["range"]["end"], encoding), e["newText"])
        for e in edits
    ]
    for begin, end, new in sorted(resolved, key=lambda r: r[0], reverse=True):
        text = text[:begin] + new + text[end:]
    return text


def edits_of(action, uri):
    edit = action["edit"]
    if "documentChanges" in edit:
        return [e for change in edit["documentChanges"] if change["textDocument"]["uri"] == uri for e in change["edits"]]
    return edit["changes"][uri]


def cli(*args, stdin=None):
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, text=True, timeout=60)


def file_uri(path):
    return "file://" + urllib.parse.quote(str(path))


def publish_for(client, uri, version=None, timeout=20):
    return client.wait_for(
        lambda m: m.get("method") == "textDocument/publishDiagnostics"
        and m["params"]["uri"] == uri
        and (version is None or m["params"].get("version") == version),
        timeout,
    )["params"]


def by_code(diagnostics, code):
    found = [d for d in diagnostics if d.get("code") == code]
    return found[0] if found else None


def open_doc(client, uri, text, version=1):
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}})


def code_actions(client, uri, line, only=None):
    context = {"diagnostics": []}
    if only is not None:
        context["only"] = only
    rng = {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}
    return client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng, "context": context})["result"]


def session(encoding, workspace):
    """Every request and notification, in one encoding."""
    print("-- session,", encoding)
    client = LspClient([BINARY, "lsp"])
    early = client.request("textDocument/hover", {"textDocument": {"uri": "file:///x.md"}, "position": {"line": 0, "character": 0}})
    check(early.get("error", {}).get("code") == -32002, f"{encoding}: a request before initialize is refused with -32002: {early}")

    offered = ["utf-8", "utf-16"] if encoding == "utf-8" else ["utf-16"]
    caps = {
        "general": {"positionEncodings": offered},
        "textDocument": {"publishDiagnostics": {"relatedInformation": True}, "hover": {"contentFormat": ["markdown", "plaintext"]}},
        "workspace": {"workspaceEdit": {"documentChanges": encoding == "utf-8"}},
    }
    init = client.initialize(caps)["result"]
    check(init["capabilities"]["positionEncoding"] == encoding, f"{encoding}: negotiated {init['capabilities']['positionEncoding']}")
    check(init["capabilities"]["textDocumentSync"]["change"] == 2, "incremental sync announced")
    check("diagnosticProvider" not in init["capabilities"], "no pull diagnostics for a client without them")

    path = workspace / "20260101.md"
    path.write_text(DIGEST, encoding="utf-8")
    uri = file_uri(path)
    open_doc(client, uri, DIGEST)
    published = publish_for(client, uri)
    check(published.get("version") == 1, f"{encoding}: publishDiagnostics carries the version: {published.get('version')}")
    diagnostics = published["diagnostics"]
    check(sorted(d["code"] for d in diagnostics) == ["DL103", "DL208", "DL503"], f"{encoding}: findings {[d['code'] for d in diagnostics]}")

    # Positions, as Python counts them in the encoding.
    at = DIGEST.index("ＡＢＣ")
    dl503 = by_code(diagnostics, "DL503")
    expected = {"start": position_of(DIGEST, at, encoding), "end": position_of(DIGEST, at + 3, encoding)}
    check(dl503 and dl503["range"] == expected, f"{encoding}: DL503 at {dl503 and dl503['range']}, expected {expected}")
    print(f"   DL503 starts at character {expected['start']['character']} in {encoding}")
    at208 = DIGEST.index("した \n") + 2
    dl208 = by_code(diagnostics, "DL208")
    check(dl208 and dl208["range"]["start"] == position_of(DIGEST, at208, encoding), f"{encoding}: DL208 at {dl208 and dl208['range']}")
    check(dl503 and dl503["source"] == "digestlint" and dl503["severity"] == 2 and "ＡＢＣ" in dl503["message"], f"{encoding}: DL503 fields {dl503}")
    href = dl503 and dl503.get("codeDescription", {}).get("href", "")
    check(href and href.startswith("file://") and Path(urllib.parse.unquote(href[7:])).is_file()
          and href.endswith("/docs/rules/DL503-fullwidth-alphanumeric.md"), f"codeDescription href {href}")
    dl103 = by_code(diagnostics, "DL103")
    related = dl103 and dl103.get("relatedInformation")
    check(related and related[0]["location"]["uri"] == uri and related[0]["location"]["range"]["start"]["line"] == 2
          and "Tools" in related[0]["message"], f"DL103 related information {related}")

    # Incremental changes, applied in order: an emoji and Japanese typed
    # before the finding, then one character of it deleted again.
    line = DIGEST.split("\n")[20]
    insert_at = {"line": 20, "character": units(line[: line.index("一部")], encoding)}
    changes = [
        {"range": {"start": insert_at, "end": insert_at}, "text": "🔐暗号"},
        {"range": {"start": insert_at, "end": {"line": 20, "character": insert_at["character"] + units("🔐", encoding)}}, "text": ""},
    ]
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": changes})
    text = DIGEST.replace("😀一部", "😀暗号一部")
    published = publish_for(client, uri, 2)
    dl503 = by_code(published["diagnostics"], "DL503")
    at = text.index("ＡＢＣ")
    expected = {"start": position_of(text, at, encoding), "end": position_of(text, at + 3, encoding)}
    check(dl503 and dl503["range"] == expected, f"{encoding}: after the changes DL503 at {dl503 and dl503['range']}, expected {expected}")

    # Quick fix, preferred (safe), and its edit.
    actions = code_actions(client, uri, 20)
    fix = [a for a in actions if a["kind"] == "quickfix" and a["title"].startswith("DL503")]
    check(len(fix) == 1 and fix[0].get("isPreferred") is True, f"{encoding}: one preferred DL503 quick fix: {[a['title'] for a in actions]}")
    if fix:
        check(fix[0]["diagnostics"][0]["code"] == "DL503", "the quick fix names its diagnostic")
        if encoding == "utf-8":
            check(fix[0]["edit"]["documentChanges"][0]["textDocument"]["version"] == 2, "versioned edit for a client taking documentChanges")
        fixed = apply_edits(text, edits_of(fix[0], uri), encoding)
        check(fixed == text.replace("ＡＢＣ", "ABC"), f"{encoding}: the DL503 quick fix gives {fixed.splitlines()[20]!r}")
    check(all(a["kind"] in ("quickfix", "source.fixAll.digestlint") for a in actions), "known kinds only")

    # Disable for this line: the finding goes, nothing new appears.
    def disable(line_number, code, current, version):
        acts = [a for a in code_actions(client, uri, line_number, only=["quickfix"]) if a["title"].startswith(f"Disable {code}")]
        if not check(len(acts) == 1, f"{encoding}: a disable action for {code}"):
            return current
        new_text = apply_edits(current, edits_of(acts[0], uri), encoding)
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": new_text}]})
        after = publish_for(client, uri, version)["diagnostics"]
        check(by_code(after, code) is None, f"{encoding}: {code} suppressed, left {[d['code'] for d in after]}")
        return new_text, after

    suppressed, after = disable(20, "DL503", text, 3)
    check(sorted(d["code"] for d in after) == ["DL103", "DL208"], f"{encoding}: nothing new after disabling DL503: {[d['code'] for d in after]}")
    check("<!-- digestlint-disable-line DL503 -->" in suppressed.split("\n")[20], "the line form on a list item")
    suppressed, after = disable(37, "DL103", suppressed, 4)
    check(sorted(d["code"] for d in after) == ["DL208"], f"{encoding}: nothing new after disabling DL103: {[d['code'] for d in after]}")
    check(suppressed.split("\n")[37] == "<!-- digestlint-disable-next-line DL103 -->", "the next-line form before a heading")

    # Fix all: the same text as --fix.
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5}, "contentChanges": [{"text": text}]})
    publish_for(client, uri, 5)
    fix_all = code_actions(client, uri, 0, only=["source.fixAll"])
    check(len(fix_all) == 1 and fix_all[0]["kind"] == "source.fixAll.digestlint", f"{encoding}: fix all offered for only=source.fixAll: {fix_all}")
    if fix_all:
        expected_fixed = cli("--fix", "-", "--stdin-filename", str(path), stdin=text).stdout
        check(apply_edits(text, edits_of(fix_all[0], uri), encoding) == expected_fixed, f"{encoding}: fix all equals --fix")
    check(code_actions(client, uri, 0, only=["refactor"]) == [], "no action of a kind not asked for")

    # Hover: the rule's --explain page, over the finding's range.
    at = text.index("ＡＢＣ") + 1
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position_of(text, at, encoding)})["result"]
    explain = cli("--explain", "DL503").stdout
    check(hover and hover["contents"]["kind"] == "markdown" and hover["contents"]["value"] == explain,
          f"{encoding}: hover is the --explain page")
    nothing = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}})
    check(nothing.get("result", "missing") is None, f"no hover away from findings: {nothing}")

    # Unknown documents are answered.
    other = file_uri(workspace / "not-open.md")
    check(code_actions(client, other, 0) == [], "code actions of an unknown document: []")
    check(client.request("textDocument/hover", {"textDocument": {"uri": other}, "position": {"line": 0, "character": 0}}).get("result", 1) is None,
          "hover of an unknown document: null")

    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    check(publish_for(client, uri, 5) is not None, "didSave re-lints")
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    closed = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri and "version" not in m["params"])["params"]
    check(closed["diagnostics"] == [], f"didClose clears the findings: {closed}")

    shutdown = client.request("shutdown", None)
    check("result" in shutdown and shutdown["result"] is None, f"shutdown answers null: {shutdown}")
    after = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check(after.get("error", {}).get("code") == -32600, f"requests after shutdown are refused: {after}")
    client.notify("exit", None)
    status = client.close()
    check(status == 0, f"exit after shutdown: status {status}")
    check(not client.frame_errors, f"frames from the server: {client.frame_errors}")


def pull_session(workspace):
    print("-- pull diagnostics")
    client = LspClient([BINARY, "lsp"])
    init = client.initialize({"textDocument": {"diagnostic": {"dynamicRegistration": False}}})["result"]
    check(init["capabilities"].get("diagnosticProvider", {}).get("interFileDependencies") is False, "diagnosticProvider for a pulling client")
    path = workspace / "20260102.md"
    uri = file_uri(path)
    open_doc(client, uri, DIGEST)
    report = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})["result"]
    check(report["kind"] == "full" and sorted(d["code"] for d in report["items"]) == ["DL103", "DL208", "DL503"], f"pulled: {report.get('kind')}")
    again = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}, "previousResultId": report.get("resultId")})["result"]
    check(again == {"kind": "unchanged", "resultId": report.get("resultId")}, f"unchanged on a second pull: {again}")
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": DIGEST.replace("ＡＢＣ", "ABC")}]})
    changed = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}, "previousResultId": report.get("resultId")})["result"]
    check(changed["kind"] == "full" and sorted(d["code"] for d in changed["items"]) == ["DL103", "DL208"], "a new full report after a change")
    unknown = client.request("textDocument/diagnostic", {"textDocument": {"uri": file_uri(workspace / "none.md")}})["result"]
    check(unknown == {"kind": "full", "items": []}, f"pull of an unknown document: {unknown}")
    client.drain(0.3)
    check(not any(m.get("method") == "textDocument/publishDiagnostics" for m in client.received), "nothing pushed to a pulling client")
    client.request("shutdown", None)
    client.notify("exit", None)
    check(client.close() == 0, "pull session exits 0")


def newest_wins(workspace):
    """Rapid changes: each publish names a version, and its findings are
    those of that version's text; the last version's are published."""
    print("-- rapid changes")
    client = LspClient([BINARY, "lsp"])
    client.initialize({})
    path = workspace / "20260103.md"
    uri = file_uri(path)
    open_doc(client, uri, DIGEST)
    publish_for(client, uri, 1)
    line = DIGEST.split("\n")[21]  # ends with one trailing space
    end = {"line": 21, "character": units(line, "utf-16")}
    last = 41
    for version in range(2, last + 1):
        # Each change adds one trailing space: version v has v spaces.
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"range": {"start": end, "end": end}, "text": " "}]})
        end = {"line": 21, "character": end["character"] + 1}
    final = publish_for(client, uri, last)
    client.drain(0.3)
    publishes = [m["params"] for m in client.received if m.get("method") == "textDocument/publishDiagnostics"]
    versions = [p["version"] for p in publishes]
    check(versions == sorted(versions) and len(set(versions)) == len(versions), f"versions only go up: {versions}")
    check(versions[-1] == last, f"the last version is published last: {versions}")
    for p in publishes:
        d = by_code(p["diagnostics"], "DL208")
        spaces = p["version"]
        want = f"trailing whitespace ({spaces} space{'s' if spaces > 1 else ''})"
        check(d is not None and d["message"] == want, f"version {p['version']} published with {d and d['message']!r}, want {want!r}")
    print(f"   {last - 1} changes, {len(publishes) - 1} publishes after the first (versions {versions[1:]})")
    check(final is not None, "published")
    client.request("shutdown", None)
    client.notify("exit", None)
    client.close()


def config_session(workspace):
    print("-- configs, watched files, non-digests")
    project = workspace / "project"
    project.mkdir()
    client = LspClient([BINARY, "lsp"])
    client.initialize({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    register = client.wait_for(lambda m: m.get("method") == "client/registerCapability")
    watchers = register["params"]["registrations"][0]["registerOptions"]["watchers"]
    check(any(w["globPattern"] == "**/*.toml" for w in watchers), f"config and schema files watched: {watchers}")
    client.send({"jsonrpc": "2.0", "id": register["id"], "result": None})

    digest = project / "20260104.md"
    uri = file_uri(digest)
    open_doc(client, uri, DIGEST)
    check(by_code(publish_for(client, uri, 1)["diagnostics"], "DL208") is not None, "DL208 before the config")
    (project / ".digestlint.toml").write_text('[rules]\nDL208 = "off"\n')
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": file_uri(project / ".digestlint.toml"), "type": 1}]})
    after = publish_for(client, uri, 1)["diagnostics"]
    check(by_code(after, "DL208") is None and by_code(after, "DL503") is not None,
          f"the new config applies to the open document: {[d['code'] for d in after]}")

    (project / ".digestlint.toml").write_text('no_such_key = 1\n')
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": file_uri(project / ".digestlint.toml"), "type": 2}]})
    broken = publish_for(client, uri, 1)["diagnostics"]
    check(len(broken) == 1 and broken[0]["message"].startswith("not linted:") and ".digestlint.toml" in broken[0]["message"],
          f"a broken config is shown, not linted around: {[d.get('code') for d in broken]} "
          f"(all: {[[d.get('code') for d in m['params']['diagnostics']] for m in client.received if m.get('method') == 'textDocument/publishDiagnostics']})")
    (project / ".digestlint.toml").write_text('max-file-size = 100\n')
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": file_uri(project / ".digestlint.toml"), "type": 2}]})
    capped = publish_for(client, uri, 1)["diagnostics"]
    check(len(capped) == 1 and capped[0]["message"].startswith("not linted: the document is")
          and "over the 100 bytes limit" in capped[0]["message"],
          f"a document over the config's max-file-size is not linted: {[d['message'] for d in capped]}")
    (project / ".digestlint.toml").unlink()

    readme = workspace / "README.md"
    readme_uri = file_uri(readme)
    open_doc(client, readme_uri, "# Notes\n\n## Install\n\nTrailing space \n-no space after the dash\n")
    check(publish_for(client, readme_uri, 1)["diagnostics"] == [], "a Markdown file no schema claims gets no findings")
    legacy = workspace / "20230401.md"
    legacy_text = (SOURCE / "fixtures" / "legacy").glob("*.md")
    legacy_file = next((p for p in sorted(legacy_text) if not p.name.endswith(".fixed.md")), None)
    if legacy_file is not None:
        text = legacy_file.read_text(encoding="utf-8")
        expected = json.loads(cli("--schema", "auto", "--format", "json", "-", "--stdin-filename", str(legacy), stdin=text).stdout)
        want = sorted(d["rule"] for f in expected["files"] for d in f["diagnostics"])
        open_doc(client, file_uri(legacy), text)
        got = sorted(d["code"] for d in publish_for(client, file_uri(legacy), 1)["diagnostics"])
        check(got == want, f"{legacy_file.name}: the schema chosen as --schema auto chooses it: {got} vs {want}")
    client.request("shutdown", None)
    client.notify("exit", None)
    client.close()


def robustness():
    print("-- malformed input")
    client = LspClient([BINARY, "lsp"])
    client.initialize({})

    def error_for(data):
        client.send_raw(data)
        return client.wait_for(lambda m: "error" in m and m.get("id") is None)["error"]["code"]

    check(error_for(b"Content-Length: 7\r\n\r\n{nope!}") == -32700, "invalid JSON: parse error")
    check(error_for(b"X-Whatever: 1\r\n\r\n") == -32700, "a frame without Content-Length: parse error")
    check(error_for(b"Content-Length: twelve\r\n\r\n") == -32700, "a bad Content-Length: parse error")
    body = b"[1,2]"
    check(error_for(b"Content-Length: %d\r\n\r\n" % len(body) + body) == -32600, "a non-object message: invalid request")
    body = b'{"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"}'
    check(error_for(b"Content-Length: %d\r\n\r\n" % len(body) + body) == -32600, "an object id: invalid request")
    body = b'{"jsonrpc":"2.0","method":"x","params":"\xff\xfe"}'
    check(error_for(b"Content-Length: %d\r\n\r\n" % len(body) + body) == -32700, "invalid UTF-8: parse error")
    unknown = client.request("digestlint/nothing", {})
    check(unknown.get("error", {}).get("code") == -32601, f"unknown method: {unknown}")
    bad = client.request("textDocument/codeAction", {"textDocument": {"uri": "file:///a.md"}})
    check(bad.get("error", {}).get("code") == -32602, f"missing params: {bad}")
    bad = client.request("textDocument/hover", {"textDocument": {"uri": 5}, "position": {"line": -1, "character": "x"}})
    check(bad.get("error", {}).get("code") == -32602, f"wrong types: {bad}")
    client.notify("textDocument/didChange", {"textDocument": {"uri": "file:///never-opened.md", "version": 3}, "contentChanges": [{"text": "x"}]})
    client.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///x.md"}})  # no text: dropped
    uri = "untitled:Untitled-1"
    open_doc(client, uri, "# Daily Security Info\n\n-x\n")
    check(publish_for(client, uri, 1) is not None, "a document without a file path is linted")
    # Out-of-range positions clamp rather than fail.
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 99, "character": 0}, "end": {"line": 99, "character": 5}}, "text": "\n- tail\n"},
        {"range": {"start": {"line": 0, "character": 999}, "end": {"line": 0, "character": 999}}, "text": ""}]})
    check(publish_for(client, uri, 2) is not None, "changes past the end are clamped")
    alive = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check("result" in alive, "the server answers after all of that")
    # The client goes away without shutdown: the server exits, status 1.
    status = client.close()
    check(status == 1, f"end of input without shutdown: status {status}")

    client = LspClient([BINARY, "lsp"])
    client.initialize({})
    client.notify("exit", None)
    try:
        status = client.proc.wait(20)
    except subprocess.TimeoutExpired:
        status = "hang"
    check(status == 1, f"exit without shutdown: status {status}")
    bad_arg = subprocess.run([BINARY, "lsp", "--frobnicate"], capture_output=True, text=True, timeout=20)
    check(bad_arg.returncode == 2 and "unknown argument" in bad_arg.stderr, "a bad argument: status 2 and a message")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp)
        try:
            for encoding in ("utf-16", "utf-8"):
                session(encoding, workspace)
            pull_session(workspace)
            newest_wins(workspace)
            config_session(workspace)
            robustness()
        except (TimeoutError, ServerGone) as e:
            failures.append(str(e))
            print("FAIL:", e)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("language server: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Options as people type them (getopt_long), one option table per command,
and what the tables generate: --help, the completions (bash, zsh)."""
import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "patients.tsv")


def run(ajar_bin, *args, **kw):
    return subprocess.run([ajar_bin, *args], capture_output=True, text=True,
                          timeout=120, **kw)


def targets(out):
    return [t["target"] for t in json.loads(out)["targets"]]


@pytest.mark.parametrize("spelling", [
    ["--format", "json"], ["--format=json"], ["-f", "json"], ["-fjson"],
    ["--form=json"],  # an unambiguous prefix, as getopt_long takes it
])
def test_format_spellings(ajar_bin, spelling):
    p = run(ajar_bin, "files", *spelling, EXAMPLE)
    assert p.returncode == 0, p.stderr
    assert targets(p.stdout) == [EXAMPLE]


def test_options_after_operands_and_double_dash(ajar_bin, tmp_path):
    p = run(ajar_bin, "files", EXAMPLE, "-j1", "--format=json")
    assert p.returncode == 0 and targets(p.stdout) == [EXAMPLE], p.stderr
    dashed = tmp_path / "-f"
    shutil.copy(EXAMPLE, dashed)
    p = run(ajar_bin, "files", "--format=json", "--", "-f", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert targets(p.stdout) == ["-f"]


def test_output_attached(ajar_bin, tmp_path):
    out = tmp_path / "r.json"
    p = run(ajar_bin, "files", "-fjson", f"-o{out}", EXAMPLE)
    assert p.returncode == 0, p.stderr
    assert targets(out.read_text()) == [EXAMPLE]


@pytest.mark.parametrize("args,message", [
    (["files", "--bogus", EXAMPLE], "unknown option '--bogus'"),
    (["files", "-Z", EXAMPLE], "unknown option '-Z'"),
    (["files", EXAMPLE, "-f"], "option -f needs a value"),
    (["files", "--format=xml", EXAMPLE], "'xml' is not one of"),
    (["scan", "--concurrency=0"], "not a number from 1 to 256"),
    (["diff", "--format=html", "a", "b"], "'html' is not one of"),
    (["report", "a.json", "b.json"], "one input report only"),
])
def test_usage_errors_exit_2(ajar_bin, args, message):
    p = run(ajar_bin, *args)
    assert p.returncode == 2 and message in p.stderr, p.stderr


def test_nmap_style_input_list(ajar_bin, tmp_path):
    lst = tmp_path / "targets.txt"
    lst.write_text("# nothing listens here\n127.0.0.1:9\n")
    for spelling in (["-iL", str(lst)], [f"--input-list={lst}"]):
        p = run(ajar_bin, "scan", "--no-progress", "--connect-timeout=300ms",
                "-fjson", *spelling)
        assert targets(p.stdout) == ["127.0.0.1:9"], p.stderr


def table(ajar_bin, command):
    """(spellings, takes_value) of every option in `ajar COMMAND --help`."""
    p = run(ajar_bin, command, "--help")
    assert p.returncode == 0
    opts = []
    for line in p.stdout.split("Options:\n", 1)[1].splitlines():
        m = re.match(r"^  (?:(-\w+), )?\s*(--[\w-]+)(?: (\S+))?", line)
        if m:
            opts.append(([s for s in m.group(1, 2) if s], m.group(3) is not None))
    return opts


COMMANDS = ["files", "scan", "report", "diff", "detectors"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_each_command_is_in_the_whole_help(ajar_bin, command):
    whole = run(ajar_bin, "--help").stdout
    opts = table(ajar_bin, command)
    assert opts and ["-h", "--help"] in [s for s, _ in opts]
    section = whole.split(f"Options of {command}:\n", 1)
    if len(opts) > 1:
        assert len(section) == 2, f"no 'Options of {command}:' in --help"
        for spellings, _ in opts:
            if spellings != ["-h", "--help"]:
                assert spellings[-1] in section[1]


def test_help_lists_every_store(ajar_bin):
    whole = run(ajar_bin, "--help").stdout
    stores = whole.split("Stores scan reads:\n", 1)[1].split("\n\n", 1)[0]
    names = re.findall(r"^  (\w+)", stores, re.M)
    assert {"elasticsearch", "postgresql", "mysql", "mongodb", "redis",
            "memcached", "couchdb", "clickhouse", "etcd", "kibana"} <= set(names)


def bash_complete(script, words):
    """COMPREPLY of the bash completion for the command line `words` (the
    last word is the one being completed)."""
    line = " ".join(words)
    prog = (f"source {script}\n"
            f"COMP_WORDS=({' '.join(repr(w) for w in words)})\n"
            f"COMP_CWORD={len(words) - 1}\nCOMP_LINE={line!r}\n"
            "_ajar\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
    p = subprocess.run(["bash", "-c", prog], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p.stdout.split()


def test_bash_completion_follows_the_tables(ajar_bin, tmp_path):
    script = tmp_path / "ajar.bash"
    script.write_text(run(ajar_bin, "completion", "bash").stdout)
    assert "files" in bash_complete(script, ["ajar", "fi"])
    assert set(bash_complete(script, ["ajar", "files", "-f", ""])) == {
        "text", "json", "ndjson", "html", "sarif"}
    assert set(bash_complete(script, ["ajar", "diff", "-f", ""])) == {"text", "json"}
    for command in COMMANDS:
        offered = set(bash_complete(script, ["ajar", command, "-"]))
        for spellings, _ in table(ajar_bin, command):
            assert set(spellings) <= offered, (command, spellings)
    assert "-iL" in bash_complete(script, ["ajar", "scan", "-i"])


@pytest.mark.skipif(not shutil.which("zsh"), reason="zsh is not installed (tools/deps)")
def test_zsh_completion_follows_the_tables(ajar_bin, tmp_path):
    script = tmp_path / "_ajar"
    script.write_text(run(ajar_bin, "completion", "zsh").stdout)
    p = subprocess.run(["zsh", "-n", str(script)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    text = script.read_text()
    for command in COMMANDS:
        block = text.split(f"    {command})\n", 1)[1].split(";;", 1)[0]
        for spellings, takes_value in table(ajar_bin, command):
            for s in spellings:
                suffix = ("=" if s.startswith("--") else "" if s == "-iL" else "+") \
                    if takes_value else ""
                assert f"'{s}{suffix}[" in block, (command, s)

"""The command line: every mistake is one line with the fix, help says what and what by default."""

import os
import subprocess
import sys

import pytest


def koers(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "builder", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=60)


@pytest.mark.parametrize("args, expected", [
    (["serve", "--port", "99999"], "koers serve: --port: '99999' is not a port (expected a whole number from 1 to "
                                   "65535, e.g. 8000); see 'koers serve --help'"),
    (["serve", "--port", "http"], "koers serve: --port: 'http' is not a port (expected a whole number from 1 to "
                                  "65535, e.g. 8000); see 'koers serve --help'"),
    (["serve", "--host", "999.1.1.1"], "koers serve: --host 999.1.1.1: not a host name or address this machine "
                                       "knows (expected e.g. 127.0.0.1, localhost or 0.0.0.0)"),
    (["serve", "--host", "192.0.2.1"], "koers serve: --host 192.0.2.1: not an address of this machine "
                                       "(expected e.g. 127.0.0.1 or 0.0.0.0)"),
    (["-C", "no-such-folder", "build"], "koers: -C no-such-folder: no such folder (expected the project folder, "
                                        "with questions.yaml)"),
    (["check", "-C", "README.md"], "koers: -C README.md: is a file (expected the project folder, with questions.yaml)"),
    ([], "koers: the following arguments are required: COMMAND (expected one of: build, check, serve, init); "
         "see 'koers --help'"),
])
def test_a_command_line_mistake_is_one_line_with_the_fix_and_exit_2(args, expected, tiny):
    result = koers(*args, cwd=tiny.parent if "README.md" not in args else os.path.dirname(os.path.dirname(__file__)))
    assert (result.returncode, result.stderr, result.stdout) == (2, expected + "\n", "")


def test_the_project_folder_may_come_before_or_after_the_command(tiny, tmp_path):
    for args in (["-C", str(tiny), "check"], ["check", "-C", str(tiny)], ["check", "--project", str(tiny)]):
        result = koers(*args, cwd=tmp_path)
        assert result.returncode == 0 and "ready to build" in result.stdout


@pytest.mark.parametrize("verb, says", [
    ("build", ["--out DIR", "(default: site/ in the project)", "(default: off)", "(default: the current folder)"]),
    ("check", ["writes nothing", "links and local files included", "(default: off)"]),
    ("serve", ["(default: 8000)", "(default: 127.0.0.1)", "nothing is written"]),
    ("init", ["folder to create (new or empty)"]),
])
def test_help_of_each_command_has_a_description_and_the_defaults(verb, says):
    result = koers(verb, "--help")
    text = " ".join(result.stdout.split())
    assert result.returncode == 0
    for phrase in says:
        assert phrase in text


def test_init_prints_next_steps_that_work_in_a_new_shell(tmp_path):
    result = subprocess.run([os.path.join(os.path.dirname(sys.executable), "koers"), "init", "my-scan"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0
    steps = [line.split("#")[0].strip() for line in result.stdout.splitlines()[1:]]
    assert steps[0] == f"cd {tmp_path / 'my-scan'}" and steps[1].endswith("koers serve")
    # A new terminal: another folder, and no virtual environment on PATH.
    build_step = " && ".join([steps[0], steps[2]])
    fresh = subprocess.run(["bash", "-c", build_step], capture_output=True, text=True, cwd="/",
                           env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert fresh.returncode == 0, fresh.stderr
    assert (tmp_path / "my-scan" / "site" / "index.html").is_file()

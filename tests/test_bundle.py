import pytest

from builder.bundle import BundleError, bundle, core


def write(folder, name, text):
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)


def test_modules_are_wrapped_in_dependency_order(tmp_path):
    write(tmp_path, "main.js", "import { add } from './math.js';\nimport { data } from './bank.js';\n"
                               "export const total = add(data.a, 1);\n")
    write(tmp_path, "math.js", "import * as util from './lib/util.js';\nexport function add(a, b) { return util.id(a) + b; }\n")
    write(tmp_path, "lib/util.js", "export const id = (x) => x;\nfunction hidden() {}\nexport { hidden as shown };\n")
    out = bundle(tmp_path, "main.js", {"./bank.js": {"data": {"a": 2}}})
    assert out.index('__m["./lib/util.js"]') < out.index('__m["./math.js"] =') < out.index('__m["./main.js"] =')
    assert "const util = __m[\"./lib/util.js\"];" in out
    assert "return { id, shown: hidden };" in out
    assert '__m["./bank.js"] = {"data":{"a":2}};' in out
    assert "import " not in out and "export " not in out


def test_import_alias(tmp_path):
    write(tmp_path, "main.js", "import { a as b } from './x.js';\nb();\n")
    write(tmp_path, "x.js", "export function a() {}\n")
    assert 'const { a: b } = __m["./x.js"];' in bundle(tmp_path, "main.js", {})


def test_unsupported_syntax_is_an_error_with_line(tmp_path):
    write(tmp_path, "main.js", "const x = 1;\nexport default x;\n")
    with pytest.raises(BundleError, match=r"\./main\.js:2: unsupported import/export form"):
        bundle(tmp_path, "main.js", {})


def test_cycles_and_missing_modules(tmp_path):
    write(tmp_path, "main.js", "import { b } from './b.js';\n")
    write(tmp_path, "b.js", "import { m } from './main.js';\nexport const b = 1;\n")
    with pytest.raises(BundleError, match="import cycle: ./main.js -> ./b.js -> ./main.js"):
        bundle(tmp_path, "main.js", {})
    write(tmp_path, "b.js", "import { m } from './gone.js';\nexport const b = 1;\n")
    with pytest.raises(BundleError, match="imports ./gone.js, which does not exist"):
        bundle(tmp_path, "main.js", {})


def test_a_page_script_takes_the_cores_modules_from_its_table(tmp_path):
    write(tmp_path, "home.js", "import { load } from './store.js';\nload();\n")
    write(tmp_path, "store.js", "import { bank } from './bank.js';\nexport function load() { return bank; }\n")
    write(tmp_path, "scan.js", "import { load } from './store.js';\nimport { step } from './step.js';\nstep(load());\n")
    write(tmp_path, "step.js", "export function step(b) { return b; }\n")
    shared = core(tmp_path, "home.js", {"./bank.js": {"bank": 1}})
    assert shared.names == {"./store.js", "./bank.js"}
    assert '__m["./home.js"]' not in shared.script and shared.script.rstrip().endswith("self.__koers = __m;\n})();")
    page = bundle(tmp_path, "scan.js", {}, core=shared)
    assert '__m["./step.js"] =' in page and '__m["./scan.js"] =' in page
    assert '__m["./store.js"] =' not in page and '__m["./bank.js"] =' not in page, "what the core has is not sent again"
    assert "const __m = self.__koers;" in page and "needs the core script before it" in page


def test_minify_keeps_strings_template_literals_and_regular_expressions(tmp_path):
    write(tmp_path, "main.js", "// a comment\nconst t = `a  ${1 +  2}  b`;\nconst r = /a  b\\/ c/g;\n"
                               "export function f(x) {\n  return x   + ' two  spaces ';  /* gone */\n}\n")
    out = bundle(tmp_path, "main.js", {}, minify=True)
    assert "`a  ${1 +  2}  b`" in out and "/a  b\\/ c/g" in out and "' two  spaces '" in out
    assert "a comment" not in out and "gone" not in out and "return x+' two  spaces ';" in out


def test_a_second_layer_holds_what_two_entries_share_beyond_the_core(tmp_path):
    write(tmp_path, "home.js", "import { load } from './store.js';\nload();\n")
    write(tmp_path, "store.js", "export function load() {}\n")
    write(tmp_path, "link.js", "import { load } from './store.js';\nexport const link = load;\n")
    write(tmp_path, "scan.js", "import { link } from './link.js';\nimport { data } from './page.js';\nlink(data);\n")
    write(tmp_path, "results.js", "import { link } from './link.js';\nimport { data } from './page.js';\nlink(data);\n")
    base = core(tmp_path, "home.js", {})
    shared = core(tmp_path, ["scan.js", "results.js"], {}, below=base, later=frozenset({"./page.js"}))
    assert shared.names == {"./store.js", "./link.js"}
    assert '__m["./link.js"] =' in shared.script and '__m["./store.js"] =' not in shared.script
    assert "const __m = self.__koers;" in shared.script and "self.__koers = __m" not in shared.script
    page = bundle(tmp_path, "scan.js", {"./page.js": {"data": 1}}, core=shared)
    assert '__m["./link.js"] =' not in page and '__m["./page.js"] = {"data":1};' in page

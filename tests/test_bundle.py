import pytest

from builder.bundle import BundleError, bundle


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

from builder.loader import load_yaml
from builder.problems import Problems


def test_positions_of_values_and_keys():
    problems = Problems()
    located = load_yaml("a: 1\nb:\n  - x: 2\n  - y\n", "q.yaml", problems)
    assert located.data == {"a": 1, "b": [{"x": 2}, "y"]}
    assert located.values[("a",)] == (1, 4)
    assert located.keys[("b", 0, "x")] == (3, 5)
    assert located.position(("b", 0, "x", "missing")) == (3, 8)  # nearest existing ancestor
    assert not problems.items


def test_duplicate_keys_are_errors_not_silently_overwritten():
    problems = Problems()
    located = load_yaml("a: 1\na: 2\n", "q.yaml", problems)
    assert located.data == {"a": 1}
    assert [str(p) for p in problems.items] == ["q.yaml:2:1: a: duplicate key 'a' (first given on line 1; keep one)"]


def test_yes_and_no_keys_stay_text_with_a_warning_unless_quoted():
    problems = Problems()
    located = load_yaml('yes: Ja\n"no": Nee\nanswers:\n  Off: Uit\n', "q.yaml", problems)
    assert located.data == {"yes": "Ja", "no": "Nee", "answers": {"Off": "Uit"}}
    assert [str(p) for p in problems.items] == [
        'q.yaml:1:1: warning: yes: key yes is a true/false value to other YAML tools (expected "yes": in quotes, '
        'so every tool reads the text yes)',
        'q.yaml:4:3: warning: answers.Off: key Off is a true/false value to other YAML tools (expected "Off": in '
        'quotes, so every tool reads the text Off)']


def test_dates_stay_as_typed():
    assert load_yaml("version: 2026-11-01\n", "q.yaml", Problems()).data == {"version": "2026-11-01"}


def test_syntax_error_has_line_and_column():
    problems = Problems()
    load_yaml("a: [1, 2\nb: 3\n", "q.yaml", problems)
    (problem,) = problems.items
    assert (problem.line, problem.column) == (2, 2)
    assert problem.message.startswith("YAML syntax error")


def test_control_character_is_reported_not_raised():
    problems = Problems()
    load_yaml("a: \x07\n", "q.yaml", problems)
    assert problems.items and problems.items[0].file == "q.yaml"

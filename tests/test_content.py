from builder.content import load_content
from builder.markup import render_markdown
from builder.problems import Problems


def write(root, lang, slug, text):
    path = root / lang / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def load(root, slugs=("about",)):
    problems = Problems()
    pages = load_content(root, "content", ["en"], list(slugs), problems)
    return pages, [str(p) for p in problems.items]


def test_page_with_front_matter(tmp_path):
    write(tmp_path, "en", "about", "---\ntitle: About\ndescription: What this is.\n---\n\n## Hello\n\nText.\n")
    pages, problems = load(tmp_path)
    assert problems == []
    page = pages[("en", "about")]
    assert page.title == "About" and page.description == "What this is."
    assert '<h2 id="hello">Hello</h2>' in page.html


def test_front_matter_errors_name_file_and_line(tmp_path):
    write(tmp_path, "en", "about", "---\ntitle: About\ndescripton: typo\n---\nBody\n")
    _, problems = load(tmp_path)
    assert "content/en/about.md:3:1: descripton: unknown front matter key 'descripton' " \
           "(did you mean 'description'? expected: title, description)" in problems
    assert any(p.startswith("content/en/about.md:2:1: description: missing 'description'") for p in problems)


def test_missing_front_matter_and_missing_page(tmp_path):
    write(tmp_path, "en", "about", "# No front matter\n")
    _, problems = load(tmp_path, slugs=("about", "privacy"))
    assert any(p.startswith("content/en/about.md:1:1: no front matter") for p in problems)
    assert any(p.startswith("content/en/privacy.md: missing page") for p in problems)


def test_yaml_error_in_front_matter_points_at_file_line(tmp_path):
    write(tmp_path, "en", "about", "---\ntitle: [unclosed\ndescription: x\n---\n")
    _, problems = load(tmp_path)
    assert any(p.startswith("content/en/about.md:3:") and "YAML syntax error" in p for p in problems)


def test_external_image_fails_with_line(tmp_path):
    write(tmp_path, "en", "about", "---\ntitle: A\ndescription: B\n---\n\nText\n\n![x](https://cdn.example/x.png)\n")
    _, problems = load(tmp_path)
    assert problems == ["content/en/about.md:8:1: image 'https://cdn.example/x.png' would be fetched from another "
                        "origin (privacy: expected a local file next to the page)"]


def test_unused_file_is_a_warning(tmp_path):
    write(tmp_path, "en", "about", "---\ntitle: A\ndescription: B\n---\n")
    write(tmp_path, "en", "extra", "---\ntitle: A\ndescription: B\n---\n")
    _, problems = load(tmp_path)
    assert len(problems) == 1 and "content/en/extra.md: warning: is not used by any page" in problems[0]


def test_markdown_escapes_raw_html_and_script_links():
    html, findings = render_markdown('<script>alert(1)</script> <b onclick="x">b</b> [x](javascript:alert(1)) '
                                     '[ok](https://example.org)')
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "onclick" not in html.replace("&lt;b onclick", "")
    assert 'href="javascript' not in html
    assert '<a href="https://example.org" rel="noopener noreferrer">ok</a>' in html
    assert findings == [("unsafe-link", "javascript:alert(1)")]  # reported as a warning, link removed


def test_script_link_is_removed_with_a_warning(tmp_path):
    write(tmp_path, "en", "about", "---\ntitle: A\ndescription: B\n---\n\n[x](javascript:alert(1))\n")
    pages, problems = load(tmp_path)
    assert problems == ["content/en/about.md:6:1: warning: link 'javascript:alert(1)' was removed: it could run "
                        "script (expected https:, mailto: or a relative link)"]
    assert "<a>x</a>" in pages[("en", "about")].html


def test_missing_language_folder_is_one_clear_error(tmp_path):
    problems = Problems()
    load_content(tmp_path, "content", ["de"], ["about", "privacy"], problems)
    assert [str(p) for p in problems.items] == [
        "content/de/: missing folder for language 'de' (expected 2 Markdown pages: about, privacy, …; "
        "copy another language's folder and translate it)"]

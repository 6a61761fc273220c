from builder.privacy import check_css, check_html


def messages(html):
    return [m for _, m in check_html(html)]


def test_plain_links_are_fine_but_fetches_are_not():
    assert check_html('<a href="https://example.org">x</a><link rel="alternate" href="https://x.org/en/">') == []
    found = check_html('<p>\n<img src="https://t.example/p.gif">\n<script src="//cdn.example/a.js"></script>')
    assert [line for line, _ in found] == [2, 3]


def test_every_kind_of_external_fetch_is_caught():
    cases = [
        '<link rel="stylesheet" href="https://fonts.example/css">',
        '<link rel="preload" href="https://cdn.example/x.woff2">',
        '<link rel="icon" href="http://x.example/favicon.ico">',
        '<iframe src="https://video.example/embed"></iframe>',
        '<img srcset="a.png 1x, https://x.example/b.png 2x">',
        '<video poster="https://x.example/p.jpg"></video>',
        '<form action="https://x.example/collect"></form>',
    ]
    for html in cases:
        assert messages(html), html


def test_inline_script_style_and_handlers_are_refused():
    assert messages("<script>alert(1)</script>")
    assert messages("<style>p{}</style>")
    assert messages('<p style="color:red">x</p>')
    assert messages('<img src="a.png" onerror="x()">')
    assert messages('<base href="/">')


def test_single_file_edition_may_inline_but_not_fetch():
    assert check_html("<script>1</script><style>p{}</style>", allow_inline=True) == []
    assert check_html('<style>\n@import "https://x.example/a.css";</style>', allow_inline=True) == [
        (2, "CSS loads 'https://x.example/a.css' from another origin")]


def test_css_urls():
    assert check_css("a{background:url(img/x.png)}") == []
    assert check_css("a{}\nb{background:url('https://x.example/y.png')}") == [
        (2, "CSS loads 'https://x.example/y.png' from another origin")]
    assert check_css('@font-face{src:url(//fonts.example/f.woff2)}')


def test_a_fragment_shared_by_pages_is_checked_once_with_the_pages_own_lines():
    from builder.pipeline import _check_page

    form = '<form>\n<img src="https://x.example/a.png">\n</form>\n'
    page = '<main>\n<p>intro</p>\n' + form + '<img src="//y.example/b.png">\n</main>\n'
    checked = {}
    assert _check_page(page, False, [form], checked) == check_html(page)
    assert [line for line, _ in check_html(page)] == [4, 6] and len(checked) == 1


def test_upper_case_markup_and_letters_that_grow_when_lower_cased_are_still_caught():
    # The fast path searches lower-cased text; "İ" lower-cases to two characters, which would
    # shift every offset after it, so such a page takes the case-insensitive path.
    for prefix in ("", "<p>İstanbul İzmir</p>\n"):
        page = f'{prefix}<p>x</p>\n<IMG SRC="https://cdn.example/p.gif">\n<Script>alert(1)</Script>'
        found = check_html(page)
        line = prefix.count("\n") + 2
        assert (line, '<img src="https://cdn.example/p.gif"> would fetch from another origin') in found, found
        assert any(n == line + 1 and "inline <script>" in m for n, m in found), found


def test_the_finished_pages_verdict_is_remembered_with_its_problems():
    from builder.pipeline import _check_output_privacy
    from builder.render import Site
    site = Site(files={"a.html": b'<p>\n<img src="https://t.example/p.gif">', "b.html": b"<p>fine</p>"})
    first = [str(p) for p in _check_output_privacy(site).items]
    again = [str(p) for p in _check_output_privacy(site).items]  # koers serve's next rebuild
    assert first == again and len(first) == 1 and "site/a.html:2" in first[0]

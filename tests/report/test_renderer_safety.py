"""The renderer reads only the report's static folder; the running header cannot escape."""

import http.server
import threading

import pytest
import tinycss2
from weasyprint.urls import URLFetchingError, fetch

from assessments.report.pdf import STATIC_DIR, RefusedURL, html_to_pdf, url_fetcher
from assessments.report.render import css_string

PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4"
    "z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def http_server():
    """A local HTTP server that records every request it receives."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_the_fetcher_serves_the_report_stylesheet_and_fonts():
    for name in ("profile.css", "fonts/NotoSans-Regular.ttf"):
        with fetch(url_fetcher(), (STATIC_DIR / name).as_uri()) as response:
            assert response.read() == (STATIC_DIR / name).read_bytes()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        (STATIC_DIR / ".." / ".." / "models" / "__init__.py").as_uri(),
        STATIC_DIR.as_uri() + "/../../../mgi/settings.py",
        STATIC_DIR.as_uri() + "/%2e%2e/%2e%2e/%2e%2e/mgi/settings.py",
        "file://otherhost" + str(STATIC_DIR / "profile.css"),
        "data:text/html,<h1>hi</h1>",
        "data:text/css,body{color:red}",
        "data:,plain",
        "ftp://127.0.0.1/x.css",
        "https://example.org/x.css",
    ],
)
def test_the_fetcher_refuses_files_outside_the_static_folder_and_other_schemes(url):
    with pytest.raises(URLFetchingError), fetch(url_fetcher(), url):
        pass


def test_the_fetcher_refuses_local_http_and_sends_no_request(http_server):
    base, hits = http_server
    with pytest.raises(URLFetchingError, match="RefusedURL"), fetch(url_fetcher(), base + "/x"):
        pass
    assert hits == []


def test_the_fetcher_allows_image_data_urls():
    with fetch(url_fetcher(), PNG) as response:
        assert response.read().startswith(b"\x89PNG")


def test_a_rendered_document_cannot_reach_local_files_or_servers(http_server):
    base, hits = http_server
    html = f"""<html><head><link rel="stylesheet" href="{base}/evil.css">
      <link rel="stylesheet" href="file:///etc/passwd"></head>
      <body><p>Safe</p><img src="file:///etc/hostname"><img src="{PNG}">
      <iframe src="data:text/html,<p>x</p>"></iframe></body></html>"""
    pdf = html_to_pdf(html)
    assert pdf.data.startswith(b"%PDF") and pdf.pages == 1
    assert hits == []


def test_refused_url_is_a_value_error():
    assert issubclass(RefusedURL, ValueError)


@pytest.mark.parametrize(
    "text",
    [
        "Kyrgyzstan | Second profile 2022",
        'Quote " inside',
        "Single ' quote",
        "Back\\slash at the end\\",
        "Line\nfeed",
        "Carriage\rreturn",
        "Form\ffeed",
        "</style><script>alert(1)</script>",
        '"; } body { display: none } @page { @top-left { content: "',
        "Tab\tand NUL\x00",
    ],
)
def test_the_running_header_string_keeps_any_text_inside_it(text):
    literal = css_string(text)
    tokens = [t for t in tinycss2.parse_component_value_list(literal) if t.type != "whitespace"]
    assert len(tokens) == 1 and tokens[0].type == "string"
    assert tokens[0].value == text.replace("\x00", "\ufffd")  # CSS maps NUL to U+FFFD
    assert not any(c in literal[1:-1] for c in "\"'\\\r\n\f<>" if c != "\\")
    assert "</style" not in literal.lower()

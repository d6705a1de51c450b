"""Script blocks both fidelity suites use: a web search, its results, and a citation of them."""

from core.demo import ServerToolUse

SEARCH = ServerToolUse({"query": "weather NYC today"})
SEARCH_RESULTS = [
    {
        "type": "web_search_result",
        "title": "Weather in New York City",
        "url": "https://example.com/nyc",
        "encrypted_content": "Ev0DCioIAxgCIiQ3NmU4",
        "page_age": "2 days ago",
    }
]
WEB_CITATION = {
    "type": "web_search_result_location",
    "cited_text": "Sunny, 25°C",
    "url": "https://example.com/nyc",
    "title": "Weather in New York City",
    "encrypted_index": "Eo8BCioIAhgB",
}

"""Reading other files into conversations: Triptych JSON, an API request body, Claude.ai and ChatGPT exports.

`core.transcripts.importers.detect.parse_import` recognises the format; `Store.import_conversations` saves
the result.
"""

"""Chatting: sending a turn and saving its reply as it streams, attachments, a reply's request as code."""

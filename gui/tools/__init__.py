"""MCP tools in the window: the MCP servers and Permissions dialogs, and their controller."""

"""MCP servers behind one door (`hub.ToolHub`): the official `mcp` SDK is imported only in this package,
and only once a server starts, so starting the app does not pay for it."""

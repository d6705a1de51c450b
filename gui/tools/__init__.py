"""The Tools menu: MCP servers (added, imported, exported, their live status and tools) and the remembered
approval rules with the tool-call limit; the MCP servers and Permissions dialogs, and their controller."""

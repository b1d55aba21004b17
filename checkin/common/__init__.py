"""Infrastructure every area uses: text, data folders, logging, the shipped
resources, desk options, locale texts, Qt's command-line tools (no Qt import)."""

export const HELP = `bulletin-ls: checks Vietnamese party bulletins (OCR spelling, citations, footnotes, structure)

Usage:
  bulletin-ls lint      [options] <file|dir|glob|->...   check files, print findings
  bulletin-ls citations [options] <file|dir|glob>...     every document citation and what it resolves to
  bulletin-ls outline   [options] <file|dir|glob>...     the document outline
  bulletin-ls --stdio                                     run the language server (also --node-ipc, --socket=N)
  bulletin-ls --help | --version

A directory means every *.md, *.markdown, *.txt and *.bulletin file below it (skipping
node_modules, hidden files and folders such as .git and .bulletin, and what .gitignore
excludes). Quote globs (*, **, ?, [..]) to let bulletin-ls expand them. "-" reads
standard input (reported as <stdin>).

Options (lint):
  --format text|json|sarif  output format (default text)
  --fix                     apply the fixes marked safe, in place (atomically); report what remains
  --max-warnings N          exit 1 when there are more than N warnings
  --config FILE             JSON settings: { "rules": {...}, "words": [...], "spelling": {...}, "citations": {...} }
  --quiet                   report errors only
  --no-color                no colours (also NO_COLOR=1); colours are used only on a terminal
  --lang vi|en              language of messages (default from LC_ALL, LC_MESSAGES, LANG)
  --jobs N                  worker threads (default: automatic; 1 = no workers)

Options (citations, outline):
  --format text|json        output format (default text)

User data: .bulletin/words.txt (accepted words) and .bulletin/documents.json (known
documents) are read from the nearest folder above each file that has a .bulletin/ folder,
else from the current directory.

Exit codes:
  0  no errors, and warnings within --max-warnings
  1  errors found, or more warnings than --max-warnings
  2  usage error, or a file could not be read (a message on stderr names it; the other
     files are still checked and reported)
`;

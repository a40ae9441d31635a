#!/bin/sh
# A command provider for tests: keeps the request it was given and answers from it.
cat > "${MODEL_STDIN:-/dev/null}"
echo "command says hi"

"""The command-line application: options, configuration, batches, --fix, commands."""

"""Rule packs: YAML files loaded, merged along `extends`, validated against each kind's schema,
cached. Knows nothing of the kinds' code: the engine hands their schemas to the loader."""

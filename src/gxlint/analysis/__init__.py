"""What a report *is*, before any rule judges it: its format version, agency, outline (which
section is which), its recognised tables, and the context the rules read."""

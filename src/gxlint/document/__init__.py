"""The document layer: bytes → text (read/) → typed lines (parse, the Lark grammar) → the
document model (build, model), with folded prose, labels and numbers as reports write them."""

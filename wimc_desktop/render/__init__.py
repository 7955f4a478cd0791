"""QtGui painting (no widgets) shared by print preview, printing and PDF export."""

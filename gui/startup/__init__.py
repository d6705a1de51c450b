"""Starting the app: one running app per data folder (a later start hands over to it), and why a start
failed, said in a dialog."""

"""The ``c2graph`` command line: one module per subcommand, dispatched by :mod:`.main`."""

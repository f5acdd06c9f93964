"""Tests of c2graph.report."""

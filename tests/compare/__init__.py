"""Tests of c2graph.compare."""

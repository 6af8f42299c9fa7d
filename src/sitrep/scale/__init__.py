"""Scale-out on Dask: the read → extract → resolve stages as one task per partition of the
input, written as Parquet with a manifest of what is done, so a re-run does only what is
left. `sitrep load` brings the Parquet into the database and merges.

`partitions` cuts the input; `work` runs the stages over one partition on a worker;
`run` schedules the partitions on a cluster; `load` reads the output into a Store."""

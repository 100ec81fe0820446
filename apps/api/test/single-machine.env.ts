// Imported first by single-machine tests: the configuration is read when the modules load.
process.env.SINGLE_MACHINE = 'true';

// Preloaded into processes under benchmark: a signal ends the process normally, so `--cpu-prof` writes its profile.
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => setTimeout(() => process.exit(0), 50));

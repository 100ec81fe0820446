/** Half-year reports (每半年上报): built by a queued job, as XLSX and PDF. */
export {};

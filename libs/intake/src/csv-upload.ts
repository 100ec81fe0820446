/** The request body the 12358 feed sends: its CSV file as multipart/form-data, field `file`. */
export function csvUpload(csv: Buffer, boundary = `----hotlinehub${Date.now().toString(16)}`): { body: Buffer; contentType: string } {
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="batch.csv"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, csv, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

using Teleread.Archive.Benchmarks;

// dotnet Teleread.Archive.Benchmarks.dll seed    sqlite|postgres CONNECTION CLINIC_A,CLINIC_B STUDIES
//                                         qido    BASE_URL TOKEN STUDIES ROUNDS [orthanc]
//                                         cfind   HOST PORT CALLED_AE CALLING_AE STUDIES ROUNDS
//                                         files   FOLDER STUDIES
//                                         stow    BASE_URL TOKEN FOLDER BATCH      → "stow N seconds instances/s MB/s"
//                                         wado    BASE_URL TOKEN STUDY SERIES      → "wado bytes seconds MB/s"
return args.FirstOrDefault() switch
{
    "seed" => await IndexSeeder.RunAsync(args[1], args[2], args[3].Split(','), int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture)),
    "qido" => await QidoLatency.RunAsync(args[1], args[2], Int(args[3]), Int(args[4]), args.Length > 5 && args[5] == "orthanc"),
    "cfind" => await CFindLatency.RunAsync(args[1], Int(args[2]), args[3], args[4], Int(args[5]), Int(args[6])),
    "files" => StudyFiles.Write(args[1], Int(args[2])),
    "stow" => await DicomWebTransfer.StowAsync(args[1], args[2], args[3], Int(args[4])),
    "wado" => await DicomWebTransfer.WadoAsync(args[1], args[2], args[3], args[4]),
    _ => Usage(),
};

static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: seed sqlite|postgres CONNECTION CLINICS STUDIES | qido URL TOKEN STUDIES ROUNDS [orthanc] | cfind HOST PORT CALLED CALLING STUDIES ROUNDS | files FOLDER STUDIES | stow URL TOKEN FOLDER BATCH | wado URL TOKEN STUDY SERIES");
    return 2;
}

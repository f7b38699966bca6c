namespace Teleread.Reading.Domain;

public enum Subspecialty
{
    General,
    Neuro,
    HeadNeck,
    Chest,
    Abdominal,
    Musculoskeletal,
    Breast,
    Cardiac,
    Pediatric,
}

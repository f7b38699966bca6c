namespace Teleread.Reading.Domain;

public enum BodyRegion
{
    Head,
    Neck,
    Chest,
    Abdomen,
    Pelvis,
    Spine,
    Extremity,
    Breast,
    Heart,
    WholeBody,
}

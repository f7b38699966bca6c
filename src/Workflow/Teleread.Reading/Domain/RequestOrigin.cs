namespace Teleread.Reading.Domain;

/// <summary>Who opened a request: the clinic (REST API, web app) or the system, from images nobody had filed a request for.</summary>
public enum RequestOrigin
{
    Clinic,
    Images,
}

namespace Teleread.Reading.Domain;

/// <summary>A document attached to a request (a referral letter, a previous report); the bytes live in the blob store.</summary>
public sealed record Attachment(string Kind, string FileName, string ContentReference);

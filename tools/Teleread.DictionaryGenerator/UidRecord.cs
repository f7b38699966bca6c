namespace Teleread.DictionaryGenerator;

public sealed record UidRecord(string Uid, string Name, string Type, bool Retired, string Keyword);

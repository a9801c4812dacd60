namespace Gateway.Testing;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

namespace Teleread.Dicom.Deidentification;

/// <summary>
/// PS3.15 Table E.1-1 "Application Level Confidentiality Profile Attributes", every row, as data (transcribed from the
/// machine-readable extract of a recent edition published as innolitics/dicom-standard confidentiality_profile_attributes.json).
/// One row a line: tag (ggggeeee; "xx" for repeating groups), the Basic Profile action, then the option columns that
/// differ from it: P = Retain Safe Private, U = Retain UIDs, V = Retain Device Identity, I = Retain Institution Identity,
/// C = Retain Patient Characteristics, F = Retain Long. Full Dates, M = Retain Long. Modified Dates, D = Clean Descriptors,
/// S = Clean Structured Content, G = Clean Graphics. Private attributes (odd groups) are the row "private".
/// </summary>
internal static class ConfidentialityProfileTable
{
    public const string StandardVersion = "DICOM PS3.15 Table E.1-1 (recent edition, 461 rows)";

    public const string Rows = """
        00080050 Z
        00184000 X D=C
        00400555 X/Z S=C
        00080022 X/Z F=K M=C
        0008002A X/Z/D F=K M=C
        00181400 X/D D=C
        001811BB D D=C
        00189424 X D=C
        00080032 X/Z F=K M=C
        00404035 X
        001021B0 X D=C
        0040A353 X
        00380010 X
        00380020 X F=K M=C
        00081084 X D=C
        00081080 X D=C
        00380021 X F=K M=C
        00001000 X U=K
        00102110 X C=C D=C
        40000010 X
        0040A078 X
        22000005 X/Z
        300A00C3 X D=C
        300A00DD X D=C
        00101081 X
        0016004D X
        00181007 X V=K
        00120060 Z I=K
        00120082 X
        00120081 D I=K
        00120020 D
        00120021 Z
        00120072 X D=C
        00120071 X
        00120030 Z I=K
        00120031 Z I=K
        00120010 D
        00120040 D
        00120042 D
        00120051 X D=C
        00120050 Z
        00400310 X D=C
        00400280 X D=C
        300A02EB X D=C
        00209161 U U=K
        3010000F Z D=C
        30100017 Z D=C
        30100006 U U=K
        00403001 X
        30100013 U U=K
        0008009C Z
        0008009D X
        0050001B X
        0040051A X D=C
        00400512 D
        00700086 X
        00700084 Z/D
        00080023 Z/D F=K M=C
        0040A730 D S=C
        00080033 Z/D F=K M=C
        00180010 Z/D D=C
        0018A003 X D=C
        00102150 X
        0040A307 X
        00380300 X
        50xxxxxx X G=C
        00080025 X F=K M=C
        00080035 X F=K M=C
        0040A07C X
        FFFCFFFC X
        0018937F X D=C
        00082111 X D=C
        0018700A X/D V=K
        3010001B Z
        00500020 X V=K
        3010002D D V=K
        00181000 X/Z/D V=K
        0016004B X D=C
        00181002 U U=K V=K
        FFFAFFFA X
        04000100 U
        00209164 U U=K
        00380040 X D=C
        4008011A X
        40080119 X
        300A0016 X D=C
        300A0013 U U=K
        3010006E U U=K
        00189517 X/D F=K M=C
        30100037 X D=C
        30100035 D D=C
        30100038 D D=C
        30100036 X D=C
        300A0676 X D=C
        00102160 X C=K
        00404011 X F=K M=C
        00080058 U U=K
        0070031A U U=K
        00402017 Z
        30080054 X/D F=K M=C
        300A0196 X D=C
        00340002 D
        00340001 D
        3010007F Z D=C
        300A0072 X D=C
        00209158 X D=C
        00200052 U U=K
        00340007 D F=K M=C
        00181008 X V=K
        00181005 X V=K
        00160076 X
        00160075 X
        0016008C X
        0016008D X F=K M=C
        00160088 X
        00160087 X
        0016008A X
        00160089 X
        00160084 X
        00160083 X
        00160086 X
        00160085 X
        0016008E X
        0016007B X
        00160081 X
        00160080 X
        00160072 X
        00160071 X
        00160074 X
        00160073 X
        00160082 X
        0016007A X
        0016008B X
        00160078 X
        0016007D X
        0016007C X
        00160079 X
        00160077 X
        0016007F X
        0016007E X
        00160070 X
        00700001 D G=C
        00404037 X
        00404036 X
        00880200 X
        00084000 X D=C
        00204000 X D=C
        00284000 X
        00402400 X D=C
        003A0314 D F=K M=C
        40080300 X D=C
        00080015 X F=K M=C
        00080014 U U=K
        04000600 X
        00080081 X I=K
        00081040 X I=K
        00081041 X I=K
        00080082 X/Z/D I=K
        00080080 X/Z/D I=K
        00101050 X
        3010004D X/D F=K M=C
        3010004C X/D F=K M=C
        00401011 X
        300A0741 D F=K M=C
        300A0742 D D=C
        300A0783 D D=C
        40080111 X
        4008010C X
        40080115 X D=C
        40080202 X
        40080102 X
        4008010B X D=C
        4008010A X
        00083010 U U=K
        00380011 X
        00380014 X
        00100021 X
        00380061 X
        00380064 X
        00400513 Z
        00400562 Z
        22000002 X/Z D=C
        00281214 U U=K
        001021D0 X F=K M=C
        0016004F X V=K
        00160050 X V=K
        00160051 X V=K
        0016004E X V=K
        00500021 X D=C
        04000404 X
        0016002B X D=C
        0018100B U U=K V=K
        30100043 Z V=K
        00020003 U U=K
        00102000 X D=C
        00101090 X
        00101080 X
        04000550 X
        00203406 X
        00203401 X
        30080056 X/D F=K M=C
        0018937B X D=C
        003A0310 U U=K
        00081060 X
        00401010 X
        04000551 X
        04000552 X
        0040A192 X F=K M=C
        0040A402 U U=K
        0040A193 X F=K M=C
        0040A171 U U=K
        00102180 X D=C
        00081072 X/D
        00081070 X/Z/D
        00402010 X
        00402011 X
        00402008 X
        00402009 X
        04000561 X
        00101000 X
        00101002 X
        00101001 X
        60xx4000 X G=C
        60xx3000 X G=C
        00080024 X F=K M=C
        00080034 X F=K M=C
        300A0760 D F=K M=C
        00281199 U U=K
        0040A07A X
        00101040 X
        00101010 X C=K
        00100030 Z
        00101005 X
        00100032 X
        00380400 X
        00100050 X
        00101060 X
        00100010 Z
        00100101 X
        00100102 X
        001021F0 X
        00100040 Z C=K
        00102203 X/Z C=K
        00101020 X C=K
        00102155 X
        00102154 X
        00101030 X C=K
        00104000 X D=C
        00100020 Z
        300A0650 U U=K
        00380500 X C=C D=C
        00401004 X
        00400243 X
        00400254 X D=C
        00400250 X F=K M=C
        00404051 X F=K M=C
        00400251 X F=K M=C
        00400253 X
        00400244 X F=K M=C
        00404050 X F=K M=C
        00400245 X F=K M=C
        00400241 X V=K
        00404030 X V=K
        00400242 X V=K
        00404028 X V=K
        00081050 X
        00081052 X
        00401102 X
        00401104 X
        00401103 X
        00401101 D
        0040A123 D
        00081048 X
        00081049 X
        00081062 X
        40080114 X
        00402016 Z
        00181004 X V=K
        001021C0 X C=K
        00400012 X C=C
        300A000E X D=C
        3010007B Z D=C
        30100081 Z D=C
        00701101 U U=K
        00701102 U U=K
        30100061 X D=C
        private X P=C
        00404052 X F=K M=C
        00181030 X/D D=C
        300A0619 D D=C
        300A0623 D D=C
        300A067D Z D=C
        300A067C D D=C
        300C0113 X D=C
        0040100A X D=C
        00321030 X D=C
        3010005C Z D=C
        00402001 X D=C
        00401002 X D=C
        00321066 X D=C
        00321067 X D=C
        300A073A D F=K M=C
        3010000B U U=K
        04000402 X
        300A0083 U U=K
        3010006F U U=K
        30100031 U U=K
        30060024 U U=K
        00404023 U U=K
        00081140 X/Z/U* U=K
        0040A172 U U=K
        00380004 X
        00101100 X
        00081120 X U=X
        00081111 X/Z/D U=K
        04000403 X
        00081155 U U=K
        00041511 U U=K
        00081110 X/Z U=K
        00080092 X
        00080090 Z
        00080094 X
        00080096 X
        00102152 X
        300600C2 U U=K
        00400275 X D=C
        00321070 X D=C
        00401400 X D=C
        00321060 X/Z D=C
        00401001 X
        00401005 X
        00189937 X D=C
        00001001 U U=K
        00321032 X
        00321033 X
        00189185 X D=C
        00102299 X
        00102297 X
        40084000 X D=C
        40080118 X
        40080042 X
        300E0008 X/Z
        30060028 X D=C
        30060038 X D=C
        300600A6 Z
        30060026 Z D=C
        30060088 X D=C
        30060085 X D=C
        300A0615 Z
        300A0611 Z
        3010005A Z D=C
        300A0006 X/D F=K M=C
        300A0004 X D=C
        300A0002 D D=C
        300A0003 X D=C
        300A0007 X/D F=K M=C
        30100054 D D=C
        300A062A D D=C
        30100056 X/D D=C
        3010003B U U=K
        00404034 X
        0038001E X
        00400006 X
        0040000B X
        00400007 X D=C
        00400004 X F=K M=C
        00400005 X F=K M=C
        00404008 X F=K M=C
        00400009 X
        00400011 X V=K
        00404010 X F=K M=C
        00400002 X F=K M=C
        00404005 X F=K M=C
        00400003 X F=K M=C
        00400001 X V=K
        00404027 X V=K
        00400010 X V=K
        00404025 X V=K
        00321020 X V=K
        00321021 X V=K
        00080021 X/D F=K M=C
        0008103E X D=C
        0020000E U U=K
        00080031 X/D F=K M=C
        00380062 X D=C
        00380060 X
        300A01B2 X D=C
        300A01A6 X D=C
        004006FA X
        001021A0 X C=K
        00080018 U U=K
        30100015 U U=K
        0018936A D F=K M=C
        00340005 D
        00082112 X/Z/U* U=K
        300A0216 X V=K
        30080105 X/Z V=K
        00189369 D F=K M=C
        00380050 X C=C
        0040050A X
        00400602 X D=C
        00400551 D
        00400610 Z S=C
        00400600 X D=C
        00400554 U U=K
        00189516 X/D F=K M=C
        00081010 X/Z/D V=K
        00880140 U U=K
        30060008 Z F=K M=C
        30060006 X D=C
        30060002 D D=C
        30060004 X D=C
        30060009 X/D F=K M=C
        00324000 X D=C
        00080020 Z F=K M=C
        00081030 X D=C
        00200010 Z
        00320012 X
        0020000D U U=K
        00080030 Z F=K M=C
        00200200 U U=K
        00182042 U U=K
        0040A354 X
        0040DB0D U U=K
        0040DB0C U U=K
        40004000 X
        20300020 X
        00080201 X F=K M=C
        00880910 X
        00880912 X
        00880906 X
        00880904 X
        00620021 U U=K
        00081195 U U=K
        00185011 X V=K
        30080250 X/D F=K M=C
        300A00B2 X V=K
        300A0608 D D=C
        300A0609 U U=K
        300A0700 U U=K
        30100077 D D=C
        3010007A Z D=C
        30080251 X/D F=K M=C
        300A0736 D F=K M=C
        300A0734 D D=C
        0018100A X V=K
        0040A124 U
        00181009 X V=K
        30100033 D D=C
        30100034 D D=C
        0040A352 X
        0040A358 X
        0040A088 Z
        0040A075 D
        0040A073 D
        0040A027 D
        00384000 X D=C
        00189371 D V=K
        00189373 X V=K
        00189367 D V=K
        """;
}

"""Test helper: moves pixel bytes in and out of DICOM files with pydicom, never decoding compressed data itself.

  describe IN                      print the pixel description as JSON
  native IN OUT                    write the native Pixel Data bytes of IN to OUT, print the description
  fragments IN PREFIX              write frame N of encapsulated IN to PREFIX.N, print the description
  wrap-rle TEMPLATE OUT FRAME...   copy TEMPLATE with its pixel data replaced by the RLE frames
  palette IN PREFIX                write the palette LUT data to PREFIX.Red/Green/Blue, pydicom's mapping of 0..255 to PREFIX.expected
  image IN OUT                     decode an image file (PNG, JPEG...) with PIL, write raw pixels to OUT, print mode/size
"""
import json
import sys


def description(ds):
    def number(name, default=None):
        value = ds.get(name)
        return default if value is None or value == "" else value

    def numbers(name):
        value = ds.get(name)
        if value is None or value == "":
            return []
        try:
            return [float(v) for v in value]
        except TypeError:
            return [float(value)]

    return {
        "rows": int(ds.Rows), "columns": int(ds.Columns),
        "samplesPerPixel": int(number("SamplesPerPixel", 1)),
        "bitsAllocated": int(ds.BitsAllocated), "bitsStored": int(ds.BitsStored), "highBit": int(ds.HighBit),
        "pixelRepresentation": int(ds.PixelRepresentation),
        "photometricInterpretation": str(ds.PhotometricInterpretation),
        "planarConfiguration": int(number("PlanarConfiguration", 0)),
        "numberOfFrames": int(number("NumberOfFrames", 1)),
        "rescaleSlope": float(number("RescaleSlope", 1.0)),
        "rescaleIntercept": float(number("RescaleIntercept", 0.0)),
        "windowCenters": numbers("WindowCenter"), "windowWidths": numbers("WindowWidth"),
        "voiLutFunction": str(number("VOILUTFunction", "")),
        "transferSyntax": str(ds.file_meta.TransferSyntaxUID),
    }


def main(argv):
    import pydicom
    from pydicom import encaps
    command = argv[1]
    if command == "image":
        from PIL import Image
        image = Image.open(argv[2])
        image.load()
        with open(argv[3], "wb") as out:
            out.write(image.tobytes())
        print(json.dumps({"mode": image.mode, "width": image.width, "height": image.height}))
        return
    ds = pydicom.dcmread(argv[2])
    if command == "palette":
        import numpy as np
        from pydicom.pixel_data_handlers.util import apply_color_lut
        for color in ("Red", "Green", "Blue"):
            with open(f"{argv[3]}.{color}", "wb") as out:
                out.write(ds[f"{color}PaletteColorLookupTableData"].value)
        ramp = np.arange(256, dtype=np.uint8)
        with open(f"{argv[3]}.expected", "wb") as out:
            out.write(apply_color_lut(ramp, ds).astype(np.uint8).tobytes())
        print(json.dumps({"descriptor": [int(v) for v in ds.RedPaletteColorLookupTableDescriptor]}))
        return
    if command == "describe":
        pass
    elif command == "native":
        if ds.file_meta.TransferSyntaxUID.is_compressed:
            raise SystemExit("native: " + argv[2] + " is compressed")
        with open(argv[3], "wb") as out:
            out.write(ds.PixelData)
    elif command == "fragments":
        frames = int(number_of_frames(ds))
        for index, frame in enumerate(encaps.generate_pixel_data_frame(ds.PixelData, frames)):
            with open(f"{argv[3]}.{index}", "wb") as out:
                out.write(frame)
    elif command == "wrap-rle":
        frames = []
        for path in argv[4:]:
            with open(path, "rb") as f:
                frames.append(f.read())
        ds.PixelData = encaps.encapsulate(frames, has_bot=False)
        ds["PixelData"].VR = "OB"
        ds["PixelData"].is_undefined_length = True
        ds.file_meta.TransferSyntaxUID = pydicom.uid.RLELossless
        ds.is_implicit_VR = False
        ds.is_little_endian = True
        ds.save_as(argv[3], write_like_original=False)
        return
    else:
        raise SystemExit("unknown command " + command)
    print(json.dumps(description(ds)))


def number_of_frames(ds):
    value = ds.get("NumberOfFrames")
    return 1 if value is None or value == "" else value


if __name__ == "__main__":
    main(sys.argv)

#!/usr/bin/python3
"""Writes the STOW/WADO inputs of bench/dicomweb.sh: 500 small instances (64x64, 10 studies), a 300-slice 512x512 CT
series, and a warm-up set (100 small instances and 10 CT slices of another study) each server stores before it is timed."""
import os
import sys

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

CT = "1.2.840.10008.5.1.4.1.1.2"


def write(path, study, series, sop, number, size, pixels):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CT
    meta.MediaStorageSOPInstanceUID = sop
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.SOPClassUID, ds.SOPInstanceUID = CT, sop
    ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
    ds.PatientName, ds.PatientID = "YAMADA^TARO=山田^太郎=やまだ^たろう", "BENCH-" + study[-4:]
    ds.StudyDate, ds.StudyTime, ds.AccessionNumber = "20240101", "101010", "ACC" + study[-4:]
    ds.Modality, ds.SeriesNumber, ds.InstanceNumber = "CT", "1", str(number)
    ds.ImagePositionPatient = [0, 0, number * 1.25]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing, ds.SliceThickness = [0.7, 0.7], 1.25
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.Rows = ds.Columns = size
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.RescaleIntercept, ds.RescaleSlope = -1024, 1
    ds.PixelData = pixels.tobytes()
    ds.save_as(path, write_like_original=False)


def warmup(root):
    rng = np.random.default_rng(2)
    out = os.path.join(root, "warmup")
    os.makedirs(out, exist_ok=True)
    study = "2.25.70039999"
    for i in range(110):
        size = 64 if i < 100 else 512
        pixels = rng.integers(0, 4096, (size, size), dtype=np.uint16)
        write(os.path.join(out, "%05d.dcm" % i), study, study + (".1" if size == 64 else ".2"), "%s.9.%d" % (study, i), i + 1, size, pixels)


def main(root):
    if not os.path.isdir(os.path.join(root, "warmup")):
        warmup(root)
    if os.path.isdir(os.path.join(root, "ct")):
        return
    rng = np.random.default_rng(1)
    small = os.path.join(root, "small")
    os.makedirs(small, exist_ok=True)
    pixels = rng.integers(0, 4096, (64, 64), dtype=np.uint16)
    for i in range(500):
        study = "2.25.7001%04d" % (i // 50)
        write(os.path.join(small, "%05d.dcm" % i), study, study + ".1", "%s.1.%d" % (study, i), i + 1, 64, pixels)
    ct = os.path.join(root, "ct")
    os.makedirs(ct, exist_ok=True)
    study = "2.25.70029999"
    y, x = np.mgrid[0:512, 0:512]
    for i in range(300):
        body = ((x - 256) ** 2 + (y - 256) ** 2 < (200 - abs(i - 150) // 3) ** 2).astype(np.uint16)
        slice_ = (body * 1064 + rng.integers(0, 40, (512, 512))).astype(np.uint16)
        write(os.path.join(ct, "%05d.dcm" % i), study, study + ".1", "%s.1.%d" % (study, i), i + 1, 512, slice_)


if __name__ == "__main__":
    main(sys.argv[1])

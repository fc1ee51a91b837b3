"""Start-up work for the sampler: modules imported, each a chain of frames
pushed and popped in the interpreter, then a little computing."""
import decimal
import email.parser
import fractions
import http.client
import json
import statistics
import xml.dom.minidom

print(sum(i * i for i in range(200000)))
